/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bc-compat.h"
#include "bc-enum-types.h"
#include "bc-history.h"
#include "bc-inspector-private.h"
#include "bc-preferences-window.h"

struct _BcInspector
{
  GtkWidget parent_instance;

  BcItem    *item;
  BcCase    *case_;       /* the item's, watched for changes */
  GHashTable *fields;     /* property name → its entry row */
  guint      rebuild_id;
  gboolean   rebuilding;

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

static void add_edit_group  (BcInspector *self);
static void add_annotations (BcInspector *self,
                             BcCase      *case_,
                             BcItem      *item);

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
  add_field (group, _("Certainty"),
             bc_enum_to_nick (BC_TYPE_CERTAINTY, bc_event_get_certainty (event)));
  add_field (group, _("Track"), track);
  add_field (group, _("Made public"), disclosed);

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

  group = add_group (self, _("Passage"));
  add_id_row (self, group, case_, bc_transfer_get_from (transfer), _("From"));
  add_id_row (self, group, case_, bc_transfer_get_to (transfer), _("To"));


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
  add_annotations (self, case_, BC_ITEM (source));
}

static void
rebuild (BcInspector *self,
         gboolean     reset_scroll)
{
  GtkWidget *child;
  GtkWidget *button;
  BcCase *case_;

  /* Removing a focused entry moves the focus, which must not commit
   * what the entry showed before an undo. */
  self->rebuilding = TRUE;
  g_hash_table_remove_all (self->fields);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);

  case_ = self->item != NULL ? bc_item_get_case (self->item) : NULL;
  if (case_ == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      self->rebuilding = FALSE;
      return;
    }

  add_edit_group (self);

  if (BC_IS_ACTOR (self->item))
    show_actor (self, case_, BC_ACTOR (self->item));
  else if (BC_IS_EVENT (self->item))
    show_event (self, case_, BC_EVENT (self->item));
  else if (BC_IS_TRANSFER (self->item))
    show_transfer (self, case_, BC_TRANSFER (self->item));
  else if (BC_IS_SOURCE (self->item))
    show_source (self, case_, BC_SOURCE (self->item));

  button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "inspector.delete");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (self->sections, button);

  gtk_stack_set_visible_child_name (self->stack, "item");
  if (reset_scroll)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
  self->rebuilding = FALSE;
}

/* Editing */

/* Refuses what the case file could not hold, with a message for the
 * field; NULL when @text is fine. */
static char *
validate_field (BcInspector *self,
                const char  *property,
                const char  *text)
{
  BcCase *case_ = bc_item_get_case (self->item);
  g_autoptr(GError) error = NULL;
  BcDate date;

  if (g_str_equal (property, "id"))
    {
      BcItem *other;

      if (*text == '\0')
        return g_strdup (_("An identifier is required"));
      for (const char *p = text; *p != '\0'; p++)
        if (g_ascii_isspace (*p))
          return g_strdup (_("An identifier has no spaces"));
      other = bc_case_lookup (case_, text);
      if (other != NULL && other != self->item)
        return g_strdup_printf (_("“%s” is already used in this case"), text);
      return NULL;
    }

  if (g_str_equal (property, "title") || g_str_equal (property, "name") ||
      g_str_equal (property, "citation"))
    return *text == '\0' ? g_strdup (_("This cannot be empty")) : NULL;

  if (g_str_equal (property, "date") || g_str_equal (property, "end"))
    {
      BcEvent *event = BC_EVENT (self->item);
      BcDate other;

      if (*text == '\0')
        return g_str_equal (property, "date") ? g_strdup (_("An event needs a date")) : NULL;
      if (!bc_date_parse (text, &date, &error))
        return g_strdup (error->message);

      if (g_str_equal (property, "date"))
        {
          other = bc_event_get_end (event);
          if (bc_date_is_set (other) && bc_date_compare (other, date) < 0)
            return g_strdup (_("The date is after the end"));
        }
      else
        {
          other = bc_event_get_date (event);
          if (bc_date_is_set (other) && bc_date_compare (date, other) < 0)
            return g_strdup (_("The end is before the date"));
        }
      return NULL;
    }

  if (g_str_equal (property, "from") || g_str_equal (property, "to"))
    {
      BcTransfer *transfer = BC_TRANSFER (self->item);
      BcEvent *end = bc_case_lookup_event (case_, text);
      BcEvent *other = bc_case_lookup_event (case_, g_str_equal (property, "from")
                                                      ? bc_transfer_get_to (transfer)
                                                      : bc_transfer_get_from (transfer));

      if (end == NULL)
        return g_strdup_printf (_("No event “%s” in this case"), text);
      if (other != NULL && bc_event_get_track (end) == bc_event_get_track (other))
        return g_strdup_printf (_("A transfer goes between tracks: both ends are on %s"),
                                bc_track_get_label (bc_event_get_track (end)));
      return NULL;
    }

  return NULL;
}

static void
show_field_error (GtkWidget  *row,
                  const char *message)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "bc-error-label");

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  if (label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), message ? message : "");
      gtk_widget_set_visible (gtk_widget_get_parent (label), message != NULL);
    }
}

static void
field_changed (GtkEditable *editable,
               BcInspector *self)
{
  const char *property = g_object_get_data (G_OBJECT (editable), "bc-property");
  g_autofree char *message = NULL;

  if (self->rebuilding || self->item == NULL || bc_item_get_case (self->item) == NULL)
    return;

  message = validate_field (self, property, gtk_editable_get_text (editable));
  show_field_error (GTK_WIDGET (editable), message);
}

/* One committed field is one step of the history. */
static void
commit_field (BcInspector *self,
              GtkWidget   *row)
{
  const char *property = g_object_get_data (G_OBJECT (row), "bc-property");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  BcCase *case_;
  g_autofree char *message = NULL;
  g_autofree char *current = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GParamSpec *pspec;

  if (self->rebuilding || self->item == NULL || property == NULL)
    return;
  case_ = bc_item_get_case (self->item);
  if (case_ == NULL)
    return;

  message = validate_field (self, property, text);
  show_field_error (row, message);
  if (message != NULL)
    return;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->item), property);
  g_return_if_fail (pspec != NULL);

  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == BC_TYPE_DATE)
    {
      BcDate date = BC_DATE_UNSET;
      BcDate *old = NULL;

      if (*text != '\0')
        bc_date_parse (text, &date, NULL);
      g_object_get (self->item, property, &old, NULL);
      if (old != NULL ? bc_date_equal (*old, date) : !bc_date_is_set (date))
        {
          g_clear_pointer (&old, bc_date_free);
          return;
        }
      g_clear_pointer (&old, bc_date_free);
      g_value_init (&value, BC_TYPE_DATE);
      g_value_set_boxed (&value, &date);
    }
  else
    {
      g_object_get (self->item, property, &current, NULL);
      if (g_strcmp0 (current ? current : "", text) == 0)
        return;
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, *text != '\0' ? text : NULL);
    }

  if (!bc_history_set (bc_case_get_history (case_), G_OBJECT (self->item), property, &value, &error))
    show_field_error (row, error->message);
}

static void
field_applied (GtkWidget   *row,
               BcInspector *self)
{
  commit_field (self, row);
}

static void
field_focus_left (GtkEventControllerFocus *controller,
                  BcInspector             *self)
{
  commit_field (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static GtkWidget *
add_entry (BcInspector *self,
           GtkWidget   *group,
           const char  *title,
           const char  *property,
           const char  *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *label_row = adw_preferences_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_widget_add_css_class (row, "inspector-entry");
  g_object_set_data_full (G_OBJECT (row), "bc-property", g_strdup (property), g_free);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_add_css_class (label, "caption");
  /* A row of its own, so that the message sits right under the field
   * (the group puts only preferences rows in its list). */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (label_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (label_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (label_row), FALSE);
  gtk_widget_set_visible (label_row, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  g_object_set_data (G_OBJECT (row), "bc-error-label", label);

  g_signal_connect (row, "changed", G_CALLBACK (field_changed), self);
  g_signal_connect (row, "apply", G_CALLBACK (field_applied), self);
  g_signal_connect (row, "entry-activated", G_CALLBACK (field_applied), self);
  g_signal_connect (focus, "leave", G_CALLBACK (field_focus_left), self);
  gtk_widget_add_controller (row, focus);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label_row);
  g_hash_table_insert (self->fields, g_strdup (property), row);
  return row;
}

static void
add_date_entry (BcInspector *self,
                GtkWidget   *group,
                const char  *title,
                const char  *property,
                BcDate       date)
{
  g_autofree char *text = bc_date_to_string (date);

  add_entry (self, group, title, property, text);
}

static void
add_edit_group (BcInspector *self)
{
  GtkWidget *group = add_group (self, _("Edit"));
  BcItem *item = self->item;

  if (BC_IS_EVENT (item))
    {
      BcEvent *event = BC_EVENT (item);

      add_entry (self, group, _("Title"), "title", bc_event_get_title (event));
      add_date_entry (self, group, _("Date"), "date", bc_event_get_date (event));
      add_date_entry (self, group, _("End"), "end", bc_event_get_end (event));
      add_entry (self, group, _("Place"), "place", bc_event_get_place (event));
      add_entry (self, group, _("Description"), "description", bc_event_get_description (event));
    }
  else if (BC_IS_TRANSFER (item))
    {
      BcTransfer *transfer = BC_TRANSFER (item);

      add_entry (self, group, _("Title"), "title", bc_transfer_get_title (transfer));
      add_entry (self, group, _("From event"), "from", bc_transfer_get_from (transfer));
      add_entry (self, group, _("To event"), "to", bc_transfer_get_to (transfer));
      add_entry (self, group, _("Description"), "description", bc_transfer_get_description (transfer));
    }
  else if (BC_IS_ACTOR (item))
    {
      BcActor *actor = BC_ACTOR (item);

      add_entry (self, group, _("Name"), "name", bc_actor_get_name (actor));
      add_entry (self, group, _("Role"), "role", bc_actor_get_role (actor));
      add_entry (self, group, _("Description"), "description", bc_actor_get_description (actor));
    }
  else if (BC_IS_SOURCE (item))
    {
      BcSource *source = BC_SOURCE (item);

      add_entry (self, group, _("Citation"), "citation", bc_source_get_citation (source));
      add_entry (self, group, _("Link"), "url", bc_source_get_url (source));
    }

  add_entry (self, group, _("Identifier"), "id", bc_item_get_id (item));
}

/* Annotations */

static void
annotation_delete_clicked (GtkButton   *button,
                           BcInspector *self)
{
  BcAnnotation *annotation = g_object_get_data (G_OBJECT (button), "bc-annotation");
  BcCase *case_ = self->item ? bc_item_get_case (self->item) : NULL;
  g_autoptr(BcCommand) command = NULL;

  if (case_ == NULL)
    return;
  command = bc_remove_command_new_for (case_, G_OBJECT (annotation));
  if (command != NULL)
    {
      bc_command_set_label (command, _("Delete annotation"));
      bc_history_perform (bc_case_get_history (case_), command, NULL);
    }
}

static void
annotation_applied (GtkWidget   *row,
                    BcInspector *self)
{
  BcAnnotation *annotation = g_object_get_data (G_OBJECT (row), "bc-annotation");
  BcCase *case_ = self->item ? bc_item_get_case (self->item) : NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->rebuilding || case_ == NULL || *text == '\0' ||
      g_strcmp0 (text, bc_annotation_get_text (annotation)) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  bc_history_set (bc_case_get_history (case_), G_OBJECT (annotation), "text", &value, NULL);
}

static void
annotation_focus_left (GtkEventControllerFocus *controller,
                       BcInspector             *self)
{
  annotation_applied (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), self);
}

static void
new_annotation_applied (GtkWidget   *row,
                        BcInspector *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->rebuilding || *text == '\0')
    return;
  _bc_inspector_add_annotation (self, text);
}

static void
add_annotations (BcInspector *self,
                 BcCase      *case_,
                 BcItem      *item)
{
  g_autoptr(GPtrArray) annotations = bc_case_find_annotations_about (case_, bc_item_get_id (item));
  GtkWidget *group;
  GtkWidget *row;

  group = add_group (self, _("Annotations"));
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      BcAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autofree char *by = g_strdup_printf ("%s · %s",
                                             bc_annotation_get_author (annotation) ?: _("Anonymous"),
                                             bc_annotation_get_created (annotation) ?: "");
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkEventController *focus = gtk_event_controller_focus_new ();

      row = adw_entry_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), by);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), bc_annotation_get_text (annotation) ?: "");
      g_object_set_data_full (G_OBJECT (row), "bc-annotation", g_object_ref (annotation), g_object_unref);
      g_signal_connect (row, "apply", G_CALLBACK (annotation_applied), self);
      g_signal_connect (focus, "leave", G_CALLBACK (annotation_focus_left), self);
      gtk_widget_add_controller (row, focus);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Delete Annotation"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete the annotation"), -1);
      g_object_set_data_full (G_OBJECT (button), "bc-annotation", g_object_ref (annotation), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (annotation_delete_clicked), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add an annotation"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (new_annotation_applied), self);
  g_hash_table_insert (self->fields, g_strdup ("new-annotation"), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* Deleting */

static gboolean
strv_remove_value (const char * const *strv,
                   const char         *id,
                   GValue             *value)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) result = NULL;

  if (strv == NULL || !g_strv_contains (strv, id))
    return FALSE;

  builder = g_strv_builder_new ();
  for (guint i = 0; strv[i] != NULL; i++)
    if (!g_str_equal (strv[i], id))
      g_strv_builder_add (builder, strv[i]);
  result = g_strv_builder_end (builder);

  g_value_init (value, G_TYPE_STRV);
  g_value_set_boxed (value, result);
  return TRUE;
}

static void
remove_object (BcCase  *case_,
               GObject *object)
{
  g_autoptr(BcCommand) command = bc_remove_command_new_for (case_, object);

  if (command != NULL)
    bc_history_perform (bc_case_get_history (case_), command, NULL);
}

static void
drop_strv_reference (BcCase     *case_,
                     GObject    *object,
                     const char *property,
                     const char *id)
{
  g_auto(GStrv) strv = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get (object, property, &strv, NULL);
  if (strv_remove_value ((const char * const *) strv, id, &value))
    bc_history_set (bc_case_get_history (case_), object, property, &value, NULL);
}

static void
drop_source_references (BcCase     *case_,
                        GObject    *object,
                        const char *id)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) kept = bc_source_refs_new ();
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get (object, "sources", &refs, NULL);
  if (refs == NULL)
    return;
  for (guint i = 0; i < refs->len; i++)
    {
      BcSourceRef *ref = g_ptr_array_index (refs, i);

      if (!g_str_equal (ref->ref, id))
        g_ptr_array_add (kept, bc_source_ref_copy (ref));
    }
  if (kept->len == refs->len)
    return;

  g_value_init (&value, G_TYPE_PTR_ARRAY);
  g_value_set_boxed (&value, kept);
  bc_history_set (bc_case_get_history (case_), object, "sources", &value, NULL);
}

/* Collects the objects of @model for which @refers says TRUE: removing
 * while walking would shift the positions. */
static GPtrArray *
collect (GListModel *model,
         gboolean  (*refers) (GObject *object, const char *id),
         const char *id)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (refers (object, id))
        g_ptr_array_add (found, g_steal_pointer (&object));
    }
  return found;
}

static gboolean
link_refers (GObject    *object,
             const char *id)
{
  return g_strcmp0 (bc_link_get_from (BC_LINK (object)), id) == 0 ||
         g_strcmp0 (bc_link_get_to (BC_LINK (object)), id) == 0;
}

static gboolean
transfer_refers (GObject    *object,
                 const char *id)
{
  return g_strcmp0 (bc_transfer_get_from (BC_TRANSFER (object)), id) == 0 ||
         g_strcmp0 (bc_transfer_get_to (BC_TRANSFER (object)), id) == 0;
}

static gboolean
annotation_refers (GObject    *object,
                   const char *id)
{
  return g_strcmp0 (bc_annotation_get_about (BC_ANNOTATION (object)), id) == 0;
}

static void
remove_all (BcCase    *case_,
            GPtrArray *objects)
{
  for (guint i = 0; i < objects->len; i++)
    remove_object (case_, g_ptr_array_index (objects, i));
}

static void
delete_item (BcCase *case_,
             BcItem *item)
{
  g_autofree char *id = g_strdup (bc_item_get_id (item));
  g_autoptr(GPtrArray) links = collect (bc_case_get_links (case_), link_refers, id);
  g_autoptr(GPtrArray) notes = collect (bc_case_get_annotations (case_), annotation_refers, id);

  remove_all (case_, links);
  remove_all (case_, notes);

  if (BC_IS_EVENT (item))
    {
      g_autoptr(GPtrArray) transfers = collect (bc_case_get_transfers (case_), transfer_refers, id);

      for (guint i = 0; i < transfers->len; i++)
        delete_item (case_, g_ptr_array_index (transfers, i));
    }
  else if (BC_IS_ACTOR (item) || BC_IS_SOURCE (item))
    {
      static const char * const sections[] = { "actors", "events", "transfers" };
      GListModel *models[] = { bc_case_get_actors (case_), bc_case_get_events (case_),
                               bc_case_get_transfers (case_) };

      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        for (guint i = 0; i < g_list_model_get_n_items (models[s]); i++)
          {
            g_autoptr(GObject) object = g_list_model_get_item (models[s], i);

            if (BC_IS_SOURCE (item))
              drop_source_references (case_, object, id);
            else if (BC_IS_ACTOR (object))
              drop_strv_reference (case_, object, "member-of", id);
            else if (BC_IS_EVENT (object))
              drop_strv_reference (case_, object, "participants", id);
            else
              drop_strv_reference (case_, object, "carriers", id);
          }
    }

  remove_object (case_, G_OBJECT (item));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BcInspector *self = BC_INSPECTOR (widget);
  g_autoptr(BcItem) item = self->item ? g_object_ref (self->item) : NULL;
  BcCase *case_ = item ? bc_item_get_case (item) : NULL;
  BcHistory *history;
  g_autofree char *label = NULL;

  if (case_ == NULL)
    return;

  /* The item and everything that refers to it go in one step, so that
   * nothing dangles and one undo brings all of it back. */
  history = bc_case_get_history (case_);
  label = g_strdup_printf (_("Delete “%s”"), item_name (item));
  bc_history_begin_group (history, label);
  delete_item (case_, item);
  bc_history_end_group (history);
}

/* Following the case */

static gboolean
rebuild_idle (gpointer data)
{
  BcInspector *self = data;

  self->rebuild_id = 0;
  if (self->item != NULL && bc_item_get_case (self->item) == NULL)
    {
      /* Deleted: the selection goes with it. */
      g_clear_object (&self->item);
      rebuild (self, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }
  else
    rebuild (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (BcInspector *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

static void
case_item_changed (BcCase      *case_,
                   GObject     *object,
                   GParamSpec  *pspec,
                   BcInspector *self)
{
  queue_rebuild (self);
}

static void
case_items_changed (GListModel  *model,
                    guint        position,
                    guint        removed,
                    guint        added,
                    BcInspector *self)
{
  queue_rebuild (self);
}

static void
watch_case (BcInspector *self,
            BcCase      *case_)
{
  GListModel *(*lists[]) (BcCase *) = {
    bc_case_get_actors, bc_case_get_events, bc_case_get_links,
    bc_case_get_transfers, bc_case_get_sources, bc_case_get_annotations,
  };

  if (self->case_ == case_)
    return;

  if (self->case_ != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->case_, self);
      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        g_signal_handlers_disconnect_by_data (lists[i] (self->case_), self);
    }
  g_set_object (&self->case_, case_);
  if (case_ != NULL)
    {
      g_signal_connect (case_, "item-changed", G_CALLBACK (case_item_changed), self);
      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        g_signal_connect (lists[i] (case_), "items-changed", G_CALLBACK (case_items_changed), self);
    }
}

/* GObject */

static void
bc_inspector_dispose (GObject *object)
{
  BcInspector *self = BC_INSPECTOR (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  watch_case (self, NULL);
  self->rebuilding = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_INSPECTOR);
  g_clear_object (&self->item);
  g_clear_pointer (&self->fields, g_hash_table_unref);

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

  gtk_widget_class_install_action (widget_class, "inspector.delete", NULL, delete_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bcinspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bc_inspector_init (BcInspector *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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

  watch_case (self, item != NULL ? bc_item_get_case (item) : NULL);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* Private API */

const char *
_bc_inspector_get_title (BcInspector *self)
{
  return gtk_label_get_text (self->title_label);
}

GtkWidget *
_bc_inspector_get_field (BcInspector *self,
                         const char  *property)
{
  return g_hash_table_lookup (self->fields, property);
}

/* The message shown next to the field, or NULL when it is fine. */
const char *
_bc_inspector_get_field_error (BcInspector *self,
                               const char  *property)
{
  GtkWidget *row = g_hash_table_lookup (self->fields, property);
  GtkWidget *label = row ? g_object_get_data (G_OBJECT (row), "bc-error-label") : NULL;

  if (label == NULL || !gtk_widget_get_visible (gtk_widget_get_parent (label)))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

/* A transfer keeps its annotations; anything else is annotated by the
 * case, about its id. */
gboolean
_bc_inspector_add_annotation (BcInspector *self,
                              const char  *text)
{
  g_autoptr(GSettings) settings = bc_preferences_window_lookup_settings ();
  g_autofree char *author = bc_preferences_window_dup_author_name (settings);
  g_autoptr(BcAnnotation) annotation = NULL;
  g_autoptr(BcCommand) command = NULL;
  BcCase *case_ = self->item ? bc_item_get_case (self->item) : NULL;
  const char *id;

  if (case_ == NULL)
    return FALSE;

  if (author == NULL || *author == '\0')
    {
      g_free (author);
      author = g_strdup (g_get_real_name ());
    }

  id = bc_item_get_id (self->item);
  if (BC_IS_TRANSFER (self->item))
    {
      annotation = bc_annotation_new_now (author, NULL, text);
      command = bc_insert_command_new ("annotations", id, -1, G_OBJECT (annotation));
    }
  else
    {
      annotation = bc_annotation_new_now (author, id, text);
      command = bc_insert_command_new ("annotations", NULL, -1, G_OBJECT (annotation));
    }
  bc_command_set_label (command, _("Add annotation"));
  return bc_history_perform (bc_case_get_history (case_), command, NULL);
}
