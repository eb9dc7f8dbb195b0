/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-layout.h"
#include "bc-preferences-window.h"

struct _BcPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings     *settings;

  /* Template widgets */
  AdwEntryRow   *author_row;
  AdwComboRow   *view_row;
  AdwComboRow   *time_scale_row;
  AdwComboRow   *export_format_row;
  GtkAdjustment *export_scale_adjustment;
  AdwComboRow   *export_theme_row;
  AdwComboRow   *color_scheme_row;
};

G_DEFINE_FINAL_TYPE (BcPreferencesWindow, bc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The nicks of each enumerated key, in the order of the rows' string
 * lists in bc-preferences-window.ui. */
static const char * const view_nicks[] = { "lanes", "wheel", NULL };
static const char * const export_format_nicks[] = { "png", "svg", "pdf", NULL };
static const char * const theme_nicks[] = { "light", "dark", NULL };
static const char * const color_scheme_nicks[] = { "follow", "light", "dark", NULL };

/* Auxiliary functions */

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nick, nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[position]);
}

static void
bind_combo_row (BcPreferencesWindow *self,
                const char          *key,
                AdwComboRow         *row,
                const char * const  *nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick,
                                (gpointer) nicks, NULL);
}

static gboolean
nick_to_color_scheme (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  if (g_str_equal (nick, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (nick, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

/* GObject */

static void
bc_preferences_window_constructed (GObject *object)
{
  BcPreferencesWindow *self = BC_PREFERENCES_WINDOW (object);
  g_autofree char *author = NULL;

  G_OBJECT_CLASS (bc_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));

  /* An empty author name means the user's own; showing it lets the
   * user see what annotations will say, and correct it. */
  author = bc_preferences_window_dup_author_name (self->settings);
  g_settings_bind (self->settings, "author-name", self->author_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  if (author != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->author_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->author_row), author);

  bind_combo_row (self, "default-view", self->view_row, view_nicks);
  bind_combo_row (self, "default-time-scale", self->time_scale_row,
                  bc_time_scale_get_nicks ());
  bind_combo_row (self, "export-format", self->export_format_row, export_format_nicks);
  bind_combo_row (self, "export-theme", self->export_theme_row, theme_nicks);
  bind_combo_row (self, "color-scheme", self->color_scheme_row, color_scheme_nicks);
  g_settings_bind (self->settings, "export-scale", self->export_scale_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
bc_preferences_window_dispose (GObject *object)
{
  BcPreferencesWindow *self = BC_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bc_preferences_window_parent_class)->dispose (object);
}

static void
bc_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BcPreferencesWindow *self = BC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BcPreferencesWindow *self = BC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_preferences_window_class_init (BcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bc_preferences_window_constructed;
  object_class->dispose = bc_preferences_window_dispose;
  object_class->get_property = bc_preferences_window_get_property;
  object_class->set_property = bc_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backchannel/Backchannel/ui/bc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, view_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, time_scale_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, export_format_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, export_scale_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, export_theme_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, color_scheme_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bc_preferences_window_init (BcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * bc_preferences_window_new:
 * @parent: (nullable): the window the preferences belong to
 * @settings: the settings to show, from bc_preferences_window_lookup_settings()
 *
 * Returns: (transfer floating): a new preferences window
 */
GtkWidget *
bc_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (BC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

GSettings *
bc_preferences_window_get_settings (BcPreferencesWindow *self)
{
  g_return_val_if_fail (BC_IS_PREFERENCES_WINDOW (self), NULL);
  return self->settings;
}

/**
 * bc_preferences_window_lookup_settings:
 *
 * The application's settings, when their schema is installed. The
 * command line and the tests run without it, and g_settings_new()
 * would abort there.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL
 */
GSettings *
bc_preferences_window_lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, BC_SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed: preferences are not kept", BC_SETTINGS_SCHEMA_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * bc_preferences_window_bind_color_scheme:
 * @settings: the application's settings
 *
 * Makes the style of every window follow the "color-scheme" key.
 */
void
bc_preferences_window_bind_color_scheme (GSettings *settings)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_bind_with_mapping (settings, "color-scheme",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                nick_to_color_scheme, NULL, NULL, NULL);
}

/**
 * bc_preferences_window_dup_author_name:
 * @settings: (nullable): the application's settings
 *
 * The name to write on new annotations: the "author-name" key, or the
 * user's full name when it is empty.
 *
 * Returns: (transfer full) (nullable): the author's name
 */
char *
bc_preferences_window_dup_author_name (GSettings *settings)
{
  g_autofree char *name = NULL;
  const char *real_name;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings != NULL)
    name = g_strstrip (g_settings_get_string (settings, "author-name"));
  if (name != NULL && *name != '\0')
    return g_steal_pointer (&name);

  /* GLib says "Unknown" when the system has no full name. */
  real_name = g_get_real_name ();
  if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
    return NULL;

  return g_strdup (real_name);
}
