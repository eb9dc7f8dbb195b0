/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bc-compat.h"
#include "bc-enum-types.h"
#include "bc-inspector-private.h"

struct _BcInspector
{
  GtkWidget parent_instance;

  BcItem    *item;

  GtkStack  *stack;
  GtkWidget *scrolled;
  GtkLabel  *kind_label;
  GtkLabel  *title_label;
  GtkLabel  *subtitle_label;
  GtkBox    *sections;
};

G_DEFINE_FINAL_TYPE (BcInspector, bc_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Auxiliary functions */

static char *
format_span (BcDate from,
             BcDate to)
{
  g_autofree char *a = bc_date_to_string (from);
  g_autofree char *b = bc_date_to_string (to);

  if (a != NULL && b != NULL && !bc_date_equal (from, to))
    return g_strdup_printf ("%s – %s", a, b);
  if (a != NULL)
    return g_strdup (a);
  if (b != NULL)
    return g_strdup_printf (_("until %s"), b);
  return g_strdup (_("Undated"));
}

static char *
track_text (BcTrack track)
{
  return g_strdup_printf ("%s — %s", bc_track_get_label (track), bc_track_get_name (track));
}

static const char *
item_name (BcItem *item)
{
  if (BC_IS_ACTOR (item))
    return bc_actor_get_name (BC_ACTOR (item));
  if (BC_IS_EVENT (item))
    return bc_event_get_title (BC_EVENT (item));
  if (BC_IS_TRANSFER (item))
    return bc_transfer_get_title (BC_TRANSFER (item));
  if (BC_IS_SOURCE (item))
    return bc_source_get_citation (BC_SOURCE (item));
  return bc_item_get_id (item);
}

static GtkWidget *
add_group (BcInspector *self,
           const char  *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->sections, group);
  return group;
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Case files are not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
add_field (GtkWidget  *group,
           const char *name,
           const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;

  row = row_new (value, name);
  gtk_widget_add_css_class (row, "inspector-field");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
item_row_activated (AdwActionRow *row,
                    BcInspector  *self)
{
  BcItem *item = g_object_get_data (G_OBJECT (row), "bc-item");

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

/* A row that selects another item of the case when activated. */
static void
add_item_row (BcInspector *self,
              GtkWidget   *group,
              BcItem      *item,
              const char  *subtitle)
{
  GtkWidget *row = row_new (item_name (item), subtitle);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Select"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "bc-item", g_object_ref (item), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (item_row_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_id_row (BcInspector *self,
            GtkWidget   *group,
            BcCase      *case_,
            const char  *id,
            const char  *subtitle)
{
  BcItem *item = bc_case_lookup (case_, id);

  if (item != NULL)
    add_item_row (self, group, item, subtitle);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row_new (id, _("Not in this case")));
}

static void
add_text (BcInspector *self,
          const char  *title,
          const char  *text)
{
  GtkWidget *group;
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return;

  group = add_group (self, title);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
}

static void
link_clicked (GtkButton   *button,
              BcInspector *self)
{
  const char *url = g_object_get_data (G_OBJECT (button), "bc-url");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  bc_compat_open_web_link (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url);
}

static gboolean
is_web_link (const char *url)
{
  g_autofree char *scheme = url ? g_uri_parse_scheme (url) : NULL;

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0);
}

static void
add_source_row (BcInspector *self,
                GtkWidget   *group,
                BcSource    *source,
                const char  *pages)
{
  g_autofree char *subtitle = NULL;
  const char *url = bc_source_get_url (source);
  GtkWidget *row;

  if (pages != NULL && *pages != '\0')
    subtitle = g_strdup_printf (_("Pages %s"), pages);

  row = row_new (bc_source_get_citation (source), subtitle);

  /* Only http and https links get a button: a case file must not be
   * able to make the desktop open anything else. */
  if (is_web_link (url))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("web-browser-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, url);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open the source in the browser"),
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "bc-url", g_strdup (url), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (link_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_sources (BcInspector *self,
             BcCase      *case_,
             GPtrArray   *refs)
{
  GtkWidget *group;

  if (refs == NULL || refs->len == 0)
    return;

  group = add_group (self, _("Sources"));
  for (guint i = 0; i < refs->len; i++)
    {
      BcSourceRef *ref = g_ptr_array_index (refs, i);
      BcSource *source = bc_case_lookup_source (case_, ref->ref);

      if (source != NULL)
        add_source_row (self, group, source, ref->pages);
      else
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row_new (ref->ref, _("Not in this case")));
    }
}

static void
add_annotations (BcInspector *self,
                 BcCase      *case_,
                 BcItem      *item)
{
  g_autoptr(GPtrArray) annotations = bc_case_find_annotations_about (case_, bc_item_get_id (item));
  GtkWidget *group;

  if (annotations == NULL || annotations->len == 0)
    return;

  group = add_group (self, _("Annotations"));
  for (guint i = 0; i < annotations->len; i++)
    {
      BcAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autofree char *by = g_strdup_printf ("%s · %s",
                                             bc_annotation_get_author (annotation) ?: _("Anonymous"),
                                             bc_annotation_get_created (annotation) ?: "");

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 row_new (bc_annotation_get_text (annotation), by));
    }
}

static gboolean
strv_contains (const char * const *strv,
               const char         *s)
{
  return strv != NULL && g_strv_contains (strv, s);
}

static void
add_transfers_touching (BcInspector *self,
                        BcCase      *case_,
                        const char  *id,
                        gboolean     as_carrier)
{
  GListModel *transfers = bc_case_get_transfers (case_);
  GtkWidget *group = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
      const char *subtitle = NULL;

      if (as_carrier && strv_contains (bc_transfer_get_carriers (transfer), id))
        subtitle = bc_mechanism_get_label (bc_transfer_get_mechanism (transfer));
      else if (!as_carrier && g_strcmp0 (bc_transfer_get_from (transfer), id) == 0)
        subtitle = _("Leaves this event");
      else if (!as_carrier && g_strcmp0 (bc_transfer_get_to (transfer), id) == 0)
        subtitle = _("Reaches this event");
      else
        continue;

      if (group == NULL)
        group = add_group (self, as_carrier ? _("Carried Transfers") : _("Transfers"));
      add_item_row (self, group, BC_ITEM (transfer), subtitle);
    }
}

static void
show_actor (BcInspector *self,
            BcCase      *case_,
            BcActor     *actor)
{
  const char * const *member_of = bc_actor_get_member_of (actor);
  GPtrArray *positions = bc_actor_get_positions (actor);
  GListModel *events = bc_case_get_events (case_);
  g_autofree char *track = track_text (bc_actor_get_track (actor));
  GtkWidget *group;

  gtk_label_set_text (self->kind_label, _("Actor"));
  gtk_label_set_text (self->title_label, bc_actor_get_name (actor));
  gtk_label_set_text (self->subtitle_label, bc_actor_get_role (actor) ?: "");

  group = add_group (self, _("Details"));
  add_field (group, _("Track"), track);
  add_field (group, _("Kind"), bc_enum_to_nick (BC_TYPE_ACTOR_TYPE, bc_actor_get_actor_type (actor)));
  add_field (group, _("Identifier"), bc_item_get_id (BC_ITEM (actor)));

  if (member_of != NULL && member_of[0] != NULL)
    {
      group = add_group (self, _("Member Of"));
      for (guint i = 0; member_of[i] != NULL; i++)
        add_id_row (self, group, case_, member_of[i], NULL);
    }

  if (positions != NULL && positions->len > 0)
    {
      group = add_group (self, _("Positions Over Time"));
      for (guint i = 0; i < positions->len; i++)
        {
          BcPosition *position = g_ptr_array_index (positions, i);
          g_autofree char *span = format_span (position->from, position->to);
          g_autofree char *title = g_strdup_printf ("%s · %s", span, bc_track_get_label (position->track));

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row_new (title, position->role));
        }
    }

  add_text (self, _("Description"), bc_actor_get_description (actor));

  group = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = NULL;

      if (!strv_contains (bc_event_get_participants (event), bc_item_get_id (BC_ITEM (actor))))
        continue;
      if (group == NULL)
        group = add_group (self, _("Takes Part In"));
      date = bc_date_to_string (bc_event_get_date (event));
      add_item_row (self, group, BC_ITEM (event), date);
    }

  add_transfers_touching (self, case_, bc_item_get_id (BC_ITEM (actor)), TRUE);
  add_sources (self, case_, bc_actor_get_sources (actor));
  add_annotations (self, case_, BC_ITEM (actor));
}

static void
show_event (BcInspector *self,
            BcCase      *case_,
            BcEvent     *event)
{
  const char * const *participants = bc_event_get_participants (event);
  g_autofree char *when = format_span (bc_event_get_date (event), bc_event_get_end (event));
  g_autofree char *track = track_text (bc_event_get_track (event));
  g_autofree char *disclosed = bc_date_to_string (bc_event_get_disclosed (event));
  g_autofree char *subtitle = NULL;
  GtkWidget *group;

  subtitle = g_strdup_printf ("%s · %s", when, bc_track_get_label (bc_event_get_track (event)));
  gtk_label_set_text (self->kind_label, bc_event_type_get_label (bc_event_get_event_type (event)));
  gtk_label_set_text (self->title_label, bc_event_get_title (event));
  gtk_label_set_text (self->subtitle_label, subtitle);

  group = add_group (self, _("Details"));
  add_field (group, _("Date"), when);
  add_field (group, _("Certainty"),
             bc_enum_to_nick (BC_TYPE_CERTAINTY, bc_event_get_certainty (event)));
  add_field (group, _("Track"), track);
  add_field (group, _("Place"), bc_event_get_place (event));
  add_field (group, _("Made public"), disclosed);
  add_field (group, _("Identifier"), bc_item_get_id (BC_ITEM (event)));

  add_text (self, _("Description"), bc_event_get_description (event));

  if (participants != NULL && participants[0] != NULL)
    {
      group = add_group (self, _("Participants"));
      for (guint i = 0; participants[i] != NULL; i++)
        {
          BcActor *actor = bc_case_lookup_actor (case_, participants[i]);

          add_id_row (self, group, case_, participants[i],
                      actor ? bc_track_get_label (bc_actor_get_track (actor)) : NULL);
        }
    }

  add_transfers_touching (self, case_, bc_item_get_id (BC_ITEM (event)), FALSE);
  add_sources (self, case_, bc_event_get_sources (event));
  add_annotations (self, case_, BC_ITEM (event));
}

static void
show_transfer (BcInspector *self,
               BcCase      *case_,
               BcTransfer  *transfer)
{
  BcMechanism mechanism = bc_transfer_get_mechanism (transfer);
  const char * const *carriers = bc_transfer_get_carriers (transfer);
  g_autofree char *disclosed = bc_date_to_string (bc_transfer_get_disclosed (transfer));
  BcDirection direction = bc_case_get_transfer_direction (case_, transfer);
  const char *direction_text;
  g_autofree char *subtitle = NULL;
  GtkWidget *group;

  switch (direction)
    {
    case BC_DIRECTION_UPWARD:
      direction_text = _("Upward, towards Track 1");
      break;
    case BC_DIRECTION_DOWNWARD:
      direction_text = _("Downward, from the official track");
      break;
    case BC_DIRECTION_ACROSS:
    default:
      direction_text = _("Across tracks of the same level");
      break;
    }

  subtitle = g_strdup_printf ("%s · %s", bc_mechanism_get_label (mechanism),
                              bc_status_get_label (bc_transfer_get_status (transfer)));
  gtk_label_set_text (self->kind_label, _("Transfer"));
  gtk_label_set_text (self->title_label, bc_transfer_get_title (transfer));
  gtk_label_set_text (self->subtitle_label, subtitle);

  group = add_group (self, _("Details"));
  add_field (group, _("Mechanism"), bc_mechanism_get_label (mechanism));
  add_field (group, _("What it means"), bc_mechanism_get_meaning (mechanism));
  add_field (group, _("Status"), bc_status_get_label (bc_transfer_get_status (transfer)));
  add_field (group, _("Direction"), direction_text);
  add_field (group, _("Made public"), disclosed);
  add_field (group, _("Identifier"), bc_item_get_id (BC_ITEM (transfer)));

  group = add_group (self, _("Passage"));
  add_id_row (self, group, case_, bc_transfer_get_from (transfer), _("From"));
  add_id_row (self, group, case_, bc_transfer_get_to (transfer), _("To"));

  add_text (self, _("Description"), bc_transfer_get_description (transfer));

  if (carriers != NULL && carriers[0] != NULL)
    {
      group = add_group (self, _("Carried By"));
      for (guint i = 0; carriers[i] != NULL; i++)
        add_id_row (self, group, case_, carriers[i], NULL);
    }

  add_sources (self, case_, bc_transfer_get_sources (transfer));
  add_annotations (self, case_, BC_ITEM (transfer));
}

static void
show_source (BcInspector *self,
             BcCase      *case_,
             BcSource    *source)
{
  GtkWidget *group;

  gtk_label_set_text (self->kind_label, _("Source"));
  gtk_label_set_text (self->title_label, bc_source_get_citation (source));
  gtk_label_set_text (self->subtitle_label,
                      bc_enum_to_nick (BC_TYPE_SOURCE_TYPE, bc_source_get_source_type (source)));

  group = add_group (self, _("Citation"));
  add_source_row (self, group, source, NULL);
  add_field (group, _("Link"), bc_source_get_url (source));
  add_field (group, _("Identifier"), bc_item_get_id (BC_ITEM (source)));
  add_annotations (self, case_, BC_ITEM (source));
}

static void
rebuild (BcInspector *self)
{
  GtkWidget *child;
  BcCase *case_;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);

  case_ = self->item != NULL ? bc_item_get_case (self->item) : NULL;
  if (case_ == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (BC_IS_ACTOR (self->item))
    show_actor (self, case_, BC_ACTOR (self->item));
  else if (BC_IS_EVENT (self->item))
    show_event (self, case_, BC_EVENT (self->item));
  else if (BC_IS_TRANSFER (self->item))
    show_transfer (self, case_, BC_TRANSFER (self->item));
  else if (BC_IS_SOURCE (self->item))
    show_source (self, case_, BC_SOURCE (self->item));

  gtk_stack_set_visible_child_name (self->stack, "item");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
}

/* GObject */

static void
bc_inspector_dispose (GObject *object)
{
  BcInspector *self = BC_INSPECTOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_INSPECTOR);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (bc_inspector_parent_class)->dispose (object);
}

static void
bc_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BcInspector *self = BC_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BcInspector *self = BC_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      bc_inspector_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_inspector_class_init (BcInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_inspector_dispose;
  object_class->get_property = bc_inspector_get_property;
  object_class->set_property = bc_inspector_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, BC_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BcInspector::item-activated:
   * @item: another item of the case, chosen from the inspector
   *
   * Asks for @item to become the window's selection.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BC_TYPE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/backchannel/Backchannel/ui/bc-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, BcInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, scrolled);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, kind_label);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, title_label);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, sections);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bcinspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bc_inspector_init (BcInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Inspector"), -1);
}

/* Public API */

GtkWidget *
bc_inspector_new (void)
{
  return g_object_new (BC_TYPE_INSPECTOR, NULL);
}

BcItem *
bc_inspector_get_item (BcInspector *self)
{
  g_return_val_if_fail (BC_IS_INSPECTOR (self), NULL);
  return self->item;
}

void
bc_inspector_set_item (BcInspector *self,
                       BcItem      *item)
{
  g_return_if_fail (BC_IS_INSPECTOR (self));
  g_return_if_fail (item == NULL || BC_IS_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* Private API */

const char *
_bc_inspector_get_title (BcInspector *self)
{
  return gtk_label_get_text (self->title_label);
}
