/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-inspector-private.h"
#include "bc-rules.h"

/* Where an actor stood over time: each position a track, a span and a
 * role, under an expander row named by its span and track. */

typedef struct
{
  int        expand;    /* a position just added, shown open */
  GPtrArray *expanders;
} Positions;

/* Auxiliary functions */

static void
positions_free (gpointer data)
{
  Positions *positions = data;

  g_clear_pointer (&positions->expanders, g_ptr_array_unref);
  g_free (positions);
}

static GPtrArray *
copy_positions (BcActor *actor)
{
  GPtrArray *positions = bc_actor_get_positions (actor);
  GPtrArray *copy = bc_positions_new ();

  for (guint i = 0; positions != NULL && i < positions->len; i++)
    g_ptr_array_add (copy, bc_position_copy (g_ptr_array_index (positions, i)));
  return copy;
}

static BcPosition *
position_at (BcActor *actor,
             guint    index)
{
  GPtrArray *positions = bc_actor_get_positions (actor);

  return positions != NULL && index < positions->len ? g_ptr_array_index (positions, index) : NULL;
}

static gboolean
set_positions (BcInspector  *self,
               BcActor      *actor,
               GPtrArray    *positions,
               GError      **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_PTR_ARRAY);
  g_value_set_boxed (&value, positions->len > 0 ? positions : NULL);
  return _bc_inspector_set_property (self, G_OBJECT (actor), "positions", &value, error);
}

static char *
read_position (BcInspectorField *field)
{
  BcPosition *position = position_at (BC_ACTOR (field->object), field->index);
  char *text = NULL;

  if (position == NULL)
    return g_strdup ("");
  if (g_str_equal (field->which, "role"))
    text = g_strdup (position->role);
  else
    text = bc_date_to_string (g_str_equal (field->which, "from") ? position->from : position->to);
  return text != NULL ? text : g_strdup ("");
}

static gboolean
check_position (BcInspectorField  *field,
                const char        *text,
                GError           **error)
{
  BcPosition *position = position_at (BC_ACTOR (field->object), field->index);
  gboolean from = g_str_equal (field->which, "from");
  BcDate date = BC_DATE_UNSET;

  if (g_str_equal (field->which, "role"))
    return TRUE;
  if (*text != '\0' && !bc_date_parse (text, &date, error))
    return FALSE;
  if (position == NULL)
    return TRUE;
  return bc_rules_check_range (BC_RANGE_POSITION, from ? date : position->from,
                               from ? position->to : date, error);
}

static gboolean
commit_position (BcInspectorField  *field,
                 const char        *text,
                 GError           **error)
{
  g_autoptr(GPtrArray) positions = copy_positions (BC_ACTOR (field->object));
  BcPosition *position = field->index < positions->len ? g_ptr_array_index (positions, field->index) : NULL;
  BcDate date = BC_DATE_UNSET;

  if (position == NULL)
    return TRUE;

  if (g_str_equal (field->which, "role"))
    {
      if (g_strcmp0 (position->role ? position->role : "", text) == 0)
        return TRUE;
      g_free (position->role);
      position->role = *text != '\0' ? g_strdup (text) : NULL;
    }
  else
    {
      BcDate *end = g_str_equal (field->which, "from") ? &position->from : &position->to;

      if (*text != '\0' && !bc_date_parse (text, &date, error))
        return FALSE;
      if (bc_date_equal (*end, date))
        return TRUE;
      *end = date;
    }
  return set_positions (field->inspector, BC_ACTOR (field->object), positions, error);
}

static int
read_track (BcInspectorField *field)
{
  BcPosition *position = position_at (BC_ACTOR (field->object), field->index);

  return position != NULL ? (int) position->track : 0;
}

static gboolean
commit_track (BcInspectorField  *field,
              int                value,
              GError           **error)
{
  g_autoptr(GPtrArray) positions = copy_positions (BC_ACTOR (field->object));
  BcPosition *position = field->index < positions->len ? g_ptr_array_index (positions, field->index) : NULL;

  if (position == NULL || (int) position->track == value)
    return TRUE;
  position->track = value;
  return set_positions (field->inspector, BC_ACTOR (field->object), positions, error);
}

static BcInspectorField *
add_position_entry (BcInspectorSection *section,
                    GtkWidget          *expander,
                    guint               index,
                    const char         *title,
                    const char         *which)
{
  g_autofree char *key = g_strdup_printf ("position:%u:%s", index, which);
  BcInspectorField *field = _bc_inspector_add_entry (section, expander, section->object, "positions", key, title);

  field->index = index;
  field->which = which;
  field->read = read_position;
  field->check = check_position;
  field->commit = commit_position;
  return field;
}

/* Callbacks */

static void
delete_clicked (GtkButton          *button,
                BcInspectorSection *section)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bc-index"));
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GError) error = NULL;

  if (!_bc_inspector_can_edit (section->inspector))
    return;
  positions = copy_positions (BC_ACTOR (section->object));
  if (index >= positions->len)
    return;
  g_ptr_array_remove_index (positions, index);
  if (!set_positions (section->inspector, BC_ACTOR (section->object), positions, &error))
    g_warning ("%s", error->message);
}

/* A new position starts where the actor is best known, undated, open
 * on its track. */
static void
add_clicked (GtkButton          *button,
             BcInspectorSection *section)
{
  Positions *data = section->data;
  BcActor *actor = BC_ACTOR (section->object);
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  if (!_bc_inspector_can_edit (section->inspector))
    return;
  positions = copy_positions (actor);
  g_ptr_array_add (positions, bc_position_new (bc_actor_get_track (actor), BC_DATE_UNSET, BC_DATE_UNSET, NULL));
  data->expand = positions->len - 1;
  if (!set_positions (section->inspector, actor, positions, &error))
    {
      data->expand = -1;
      g_warning ("%s", error->message);
      return;
    }
  key = g_strdup_printf ("position:%u:track", positions->len - 1);
  _bc_inspector_focus_later (section->inspector, key);
}

/* The expanders are named by their span and track, which their fields
 * change. */
static void
update_positions (BcInspectorSection *section)
{
  Positions *data = section->data;

  for (guint i = 0; i < data->expanders->len; i++)
    {
      BcPosition *position = position_at (BC_ACTOR (section->object), i);
      GtkWidget *expander = g_ptr_array_index (data->expanders, i);
      g_autofree char *span = NULL;
      g_autofree char *title = NULL;

      if (position == NULL)
        continue;
      span = _bc_inspector_format_span (position->from, position->to);
      title = g_strdup_printf ("%s · %s", span, bc_track_get_label (position->track));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), position->role ? position->role : "");
    }
}

static char *
positions_signature (BcInspectorSection *section)
{
  GPtrArray *positions = bc_actor_get_positions (BC_ACTOR (section->object));

  return g_strdup_printf ("%u", positions != NULL ? positions->len : 0);
}

static void
build_positions (BcInspectorSection *section)
{
  Positions *data = section->data;
  GPtrArray *positions = bc_actor_get_positions (BC_ACTOR (section->object));
  gboolean editable = section->inspector->editable;

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (section->group),
                                         _("Where the actor stood, from when to when"));
  g_ptr_array_set_size (data->expanders, 0);

  for (guint i = 0; positions != NULL && i < positions->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("position:%u:track", i);
      GtkWidget *expander = adw_expander_row_new ();
      BcInspectorField *track;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), (int) i == data->expand);
      _bc_inspector_section_add (section, NULL, expander);
      g_ptr_array_add (data->expanders, expander);

      track = _bc_inspector_add_choice (section, expander, section->object, "positions", key, _("Track"),
                                        BC_TYPE_TRACK);
      track->index = i;
      track->read_choice = read_track;
      track->commit_choice = commit_track;
      add_position_entry (section, expander, i, _("From"), "from");
      add_position_entry (section, expander, i, _("To"), "to");
      add_position_entry (section, expander, i, _("Role"), "role");

      if (editable)
        {
          g_autofree char *delete_key = g_strdup_printf ("position:%u:delete", i);
          GtkWidget *button = gtk_button_new_with_label (_("Delete Position"));
          GtkWidget *row = adw_preferences_row_new ();

          gtk_widget_add_css_class (button, "destructive-action");
          gtk_widget_set_halign (button, GTK_ALIGN_END);
          gtk_widget_set_margin_top (button, 6);
          gtk_widget_set_margin_bottom (button, 6);
          gtk_widget_set_margin_end (button, 12);
          g_object_set_data (G_OBJECT (button), "bc-index", GUINT_TO_POINTER (i));
          g_signal_connect (button, "clicked", G_CALLBACK (delete_clicked), section);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
          _bc_inspector_section_register (section, delete_key, button);
        }
    }
  data->expand = -1;
  update_positions (section);

  if (editable)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Add _Position"));

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_margin_top (button, 6);
      g_signal_connect (button, "clicked", G_CALLBACK (add_clicked), section);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (section->group), button);
      _bc_inspector_section_register (section, "position:add", button);
    }
}

/* Private API */

void
_bc_inspector_add_positions (BcInspector *self,
                             BcActor     *actor)
{
  BcInspectorSection *section;
  Positions *data = g_new0 (Positions, 1);

  data->expand = -1;
  data->expanders = g_ptr_array_new ();
  section = _bc_inspector_add_section (self, G_OBJECT (actor), _("Positions Over Time"), build_positions,
                                       positions_signature, data, positions_free);
  section->update = update_positions;
}
