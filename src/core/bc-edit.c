/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-edit.h"
#include "bc-history.h"
#include "bc-rules.h"

/* Auxiliary functions */

static BcHistory *
history_of (BcCase *case_)
{
  return bc_case_get_history (case_);
}

/* Inserts @object as one step labelled @label; the object stays owned by
 * the caller and, on success, by the case. */
static gboolean
insert (BcCase      *case_,
        const char  *section,
        const char  *owner_id,
        GObject     *object,
        const char  *label,
        GError     **error)
{
  g_autoptr(BcCommand) command = bc_insert_command_new (section, owner_id, -1, object);

  bc_command_set_label (command, label);
  return bc_history_perform (history_of (case_), command, error);
}

static gboolean
set_value (BcCase        *case_,
           GObject       *object,
           const char    *property,
           const GValue  *value,
           GError       **error)
{
  return bc_history_set (history_of (case_), object, property, value, error);
}

static gboolean
set_strv (BcCase              *case_,
          GObject             *object,
          const char          *property,
          const char * const  *strv,
          GError             **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, strv);
  return set_value (case_, object, property, &value, error);
}

static gboolean
set_string (BcCase      *case_,
            GObject     *object,
            const char  *property,
            const char  *text,
            GError     **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return set_value (case_, object, property, &value, error);
}

static gboolean
set_date (BcCase      *case_,
          GObject     *object,
          const char  *property,
          BcDate       date,
          GError     **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, BC_TYPE_DATE);
  g_value_set_boxed (&value, bc_date_is_set (date) ? &date : NULL);
  return set_value (case_, object, property, &value, error);
}

static gboolean
set_source_refs (BcCase      *case_,
                 GObject     *object,
                 GPtrArray   *refs,
                 GError     **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_PTR_ARRAY);
  g_value_set_boxed (&value, refs);
  return set_value (case_, object, "sources", &value, error);
}

/* @strv with each @old replaced by @new, or dropped when @new is %NULL;
 * %NULL when @strv holds no @old. */
static GStrv
strv_replace (const char * const *strv,
              const char         *old,
              const char         *new)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean found = FALSE;

  if (strv == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (g_str_equal (strv[i], old))
        {
          found = TRUE;
          if (new != NULL)
            g_strv_builder_add (builder, new);
        }
      else
        g_strv_builder_add (builder, strv[i]);
    }
  return found ? g_strv_builder_end (builder) : NULL;
}

static gboolean
replace_in_strv (BcCase      *case_,
                 GObject     *object,
                 const char  *property,
                 const char  *old,
                 const char  *new,
                 GError     **error)
{
  g_auto(GStrv) strv = NULL;
  g_auto(GStrv) replaced = NULL;

  g_object_get (object, property, &strv, NULL);
  replaced = strv_replace ((const char * const *) strv, old, new);
  if (replaced == NULL)
    return TRUE;
  return set_strv (case_, object, property, (const char * const *) replaced, error);
}

static gboolean
replace_in_sources (BcCase      *case_,
                    GObject     *object,
                    const char  *old,
                    const char  *new,
                    GError     **error)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) kept = bc_source_refs_new ();
  gboolean found = FALSE;

  g_object_get (object, "sources", &refs, NULL);
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      BcSourceRef *ref = g_ptr_array_index (refs, i);

      if (!g_str_equal (ref->ref, old))
        g_ptr_array_add (kept, bc_source_ref_copy (ref));
      else
        {
          found = TRUE;
          if (new != NULL)
            g_ptr_array_add (kept, bc_source_ref_new (new, ref->pages));
        }
    }
  return !found || set_source_refs (case_, object, kept, error);
}

/* Every list of the case that may name an item, in the order the
 * format writes them. */
static void
lists_of (BcCase     *case_,
          GListModel *lists[4])
{
  lists[0] = bc_case_get_actors (case_);
  lists[1] = bc_case_get_events (case_);
  lists[2] = bc_case_get_transfers (case_);
  lists[3] = bc_case_get_links (case_);
}

/* Makes every reference to @old name @new, or drops it when @new is
 * %NULL (links and transfers with an end at @old cannot be kept that way:
 * bc_edit_delete() removes those first). */
static gboolean
replace_references (BcCase      *case_,
                    const char  *old,
                    const char  *new,
                    GError     **error)
{
  GListModel *lists[4];
  GListModel *notes = bc_case_get_annotations (case_);

  lists_of (case_, lists);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) object = g_list_model_get_item (lists[l], i);
        const char *strv_property = BC_IS_ACTOR (object) ? "member-of"
                                    : BC_IS_EVENT (object) ? "participants"
                                    : BC_IS_TRANSFER (object) ? "carriers"
                                    : NULL;

        if (strv_property != NULL &&
            (!replace_in_strv (case_, object, strv_property, old, new, error) ||
             !replace_in_sources (case_, object, old, new, error)))
          return FALSE;

        if (new == NULL)
          continue;
        if (BC_IS_TRANSFER (object) || BC_IS_LINK (object))
          {
            g_autofree char *from = NULL;
            g_autofree char *to = NULL;

            g_object_get (object, "from", &from, "to", &to, NULL);
            if (g_strcmp0 (from, old) == 0 && !set_string (case_, object, "from", new, error))
              return FALSE;
            if (g_strcmp0 (to, old) == 0 && !set_string (case_, object, "to", new, error))
              return FALSE;
          }
      }

  /* A story lets go of what is deleted, and follows a new id. */
  for (guint i = 0; i < g_list_model_get_n_items (bc_case_get_story (case_)); i++)
    {
      g_autoptr(GObject) step = g_list_model_get_item (bc_case_get_story (case_), i);

      if (!replace_in_strv (case_, step, "focus", old, new, error) ||
          !replace_in_sources (case_, step, old, new, error))
        return FALSE;
    }

  if (new != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
      {
        g_autoptr(BcAnnotation) note = g_list_model_get_item (notes, i);

        if (g_strcmp0 (bc_annotation_get_about (note), old) == 0 &&
            !set_string (case_, G_OBJECT (note), "about", new, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
remove_object (BcCase   *case_,
               GObject  *object,
               GError  **error)
{
  g_autoptr(BcCommand) command = bc_remove_command_new_for (case_, object);

  if (command == NULL)
    {
      g_set_error_literal (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND,
                           _("That is no longer part of the case"));
      return FALSE;
    }
  return bc_history_perform (history_of (case_), command, error);
}

/* What names @id and must go with it: links and transfers with an end
 * there, annotations about it. Collected first: removing while walking
 * would shift the positions. */
static GPtrArray *
dependents (BcCase     *case_,
            const char *id)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *lists[] = { bc_case_get_transfers (case_), bc_case_get_links (case_),
                          bc_case_get_annotations (case_) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) object = g_list_model_get_item (lists[l], i);
        gboolean names;

        if (BC_IS_ANNOTATION (object))
          names = g_strcmp0 (bc_annotation_get_about (BC_ANNOTATION (object)), id) == 0;
        else
          {
            g_autofree char *from = NULL;
            g_autofree char *to = NULL;

            g_object_get (object, "from", &from, "to", &to, NULL);
            names = g_strcmp0 (from, id) == 0 || g_strcmp0 (to, id) == 0;
          }
        if (names)
          g_ptr_array_add (found, g_steal_pointer (&object));
      }
  return found;
}

static gboolean
delete_with_dependents (BcCase   *case_,
                        GObject  *object,
                        GError  **error)
{
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) found = NULL;

  if (!BC_IS_ITEM (object))
    return remove_object (case_, object, error);

  id = g_strdup (bc_item_get_id (BC_ITEM (object)));
  found = dependents (case_, id);
  for (guint i = 0; i < found->len; i++)
    if (!delete_with_dependents (case_, g_ptr_array_index (found, i), error))
      return FALSE;

  /* Memberships, participants, carriers and citations just let go. */
  if (!replace_references (case_, id, NULL, error))
    return FALSE;
  return remove_object (case_, object, error);
}

/* Runs @edit inside a group labelled @label: all of it, or nothing. */
typedef gboolean (*EditFunc) (BcCase   *case_,
                              gpointer  data,
                              GError  **error);

static gboolean
in_group (BcCase      *case_,
          const char  *label,
          EditFunc     edit,
          gpointer     data,
          GError     **error)
{
  BcHistory *history = history_of (case_);

  bc_history_begin_group (history, label);
  if (!edit (case_, data, error))
    {
      bc_history_cancel_group (history);
      return FALSE;
    }
  bc_history_end_group (history);
  return TRUE;
}

typedef struct
{
  GObject      *object;
  const char   *property;
  const GValue *value;
  BcDate        date;
  BcDate        end;
} EditData;

static gboolean
delete_edit (BcCase   *case_,
             gpointer  data,
             GError  **error)
{
  return delete_with_dependents (case_, ((EditData *) data)->object, error);
}

static gboolean
rename_edit (BcCase   *case_,
             gpointer  data,
             GError  **error)
{
  EditData *d = data;
  g_autofree char *old = g_strdup (bc_item_get_id (BC_ITEM (d->object)));

  return set_value (case_, d->object, "id", d->value, error) &&
         replace_references (case_, old, g_value_get_string (d->value), error);
}

static gboolean
move_edit (BcCase   *case_,
           gpointer  data,
           GError  **error)
{
  EditData *d = data;
  BcEvent *event = BC_EVENT (d->object);
  gboolean later = bc_date_compare (d->date, bc_event_get_date (event)) > 0;
  gboolean has_end = bc_date_is_set (bc_event_get_end (event));

  /* The end goes first when moving later, so that it is never before
   * the date in between. */
  if (has_end && later && !set_date (case_, d->object, "end", d->end, error))
    return FALSE;
  if (!set_date (case_, d->object, "date", d->date, error))
    return FALSE;
  return !has_end || later || set_date (case_, d->object, "end", d->end, error);
}

static const char *
field_label (const char *property)
{
  static const struct { const char *property; const char *label; } labels[] = {
    { "id", N_("Change Identifier") },
    { "title", N_("Change Title") },
    { "name", N_("Change Name") },
    { "role", N_("Change Role") },
    { "summary", N_("Change Summary") },
    { "description", N_("Change Description") },
    { "place", N_("Change Place") },
    { "date", N_("Change Date") },
    { "end", N_("Change End") },
    { "disclosed", N_("Change Disclosure Date") },
    { "period-start", N_("Change Start") },
    { "period-end", N_("Change End") },
    { "track", N_("Change Track") },
    { "event-type", N_("Change Kind") },
    { "actor-type", N_("Change Kind") },
    { "source-type", N_("Change Kind") },
    { "link-type", N_("Change Kind") },
    { "certainty", N_("Change Certainty") },
    { "mechanism", N_("Change Mechanism") },
    { "status", N_("Change Status") },
    { "from", N_("Change Start of Transfer") },
    { "to", N_("Change End of Transfer") },
    { "participants", N_("Change Participants") },
    { "carriers", N_("Change Carriers") },
    { "member-of", N_("Change Memberships") },
    { "positions", N_("Change Positions") },
    { "sources", N_("Change Evidence") },
    { "citation", N_("Change Citation") },
    { "url", N_("Change Web Address") },
    { "text", N_("Change Annotation") },
    { "region", N_("Change Region") },
    { "authors", N_("Change Authors") },
    { "license", N_("Change Licence") },
    { "language", N_("Change Language") },
    { "caption", N_("Change Caption") },
    { "known-on", N_("Change Date of Step") },
    { "focus", N_("Change Focus") },
    { "story-title", N_("Change Story Title") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].property, property))
      return _(labels[i].label);
  return _("Change Field");
}

/* Public API */

/**
 * bc_edit_fresh_id:
 * @case_: a case
 * @prefix: such as "event"
 *
 * Returns: (transfer full): an id no item of @case_ has yet
 */
char *
bc_edit_fresh_id (BcCase     *case_,
                  const char *prefix)
{
  for (guint n = 1;; n++)
    {
      char *id = g_strdup_printf ("%s-%u", prefix, n);

      if (bc_case_lookup (case_, id) == NULL)
        return id;
      g_free (id);
    }
}

/**
 * bc_edit_kind_label:
 * @object: an item, link or annotation
 *
 * Returns: what the interface calls @object's kind: "Event", "Actor"…
 */
const char *
bc_edit_kind_label (GObject *object)
{
  if (BC_IS_EVENT (object))
    return _("Event");
  if (BC_IS_ACTOR (object))
    return _("Actor");
  if (BC_IS_TRANSFER (object))
    return _("Transfer");
  if (BC_IS_SOURCE (object))
    return _("Source");
  if (BC_IS_LINK (object))
    return _("Link");
  if (BC_IS_ANNOTATION (object))
    return _("Annotation");
  if (BC_IS_STORY_STEP (object))
    return _("Step");
  return _("Case");
}

/**
 * bc_edit_insert:
 * @case_: a case
 * @object: a new actor, event, transfer, source or link, with a fresh
 *   id (bc_edit_fresh_id())
 * @error: why the case could not take it
 *
 * Adds @object, built by the caller, at the end of its section as one
 * step “Add Event”, “Add Transfer”…
 */
gboolean
bc_edit_insert (BcCase   *case_,
                GObject  *object,
                GError  **error)
{
  g_autofree char *label = g_strdup_printf (C_("undo", "Add %s"), bc_edit_kind_label (object));
  const char *section = BC_IS_ITEM (object) ? bc_item_get_section (BC_ITEM (object)) : "links";

  return insert (case_, section, NULL, object, label, error);
}

/**
 * bc_edit_add_event:
 * @case_: a case
 * @track: its track
 * @date: its date
 * @error: why it could not be added
 *
 * Adds an event titled “New event” with a fresh id, as one step.
 *
 * Returns: (transfer none) (nullable): the event, now in @case_
 */
BcEvent *
bc_edit_add_event (BcCase   *case_,
                   BcTrack   track,
                   BcDate    date,
                   GError  **error)
{
  g_autofree char *id = bc_edit_fresh_id (case_, "event");
  g_autoptr(BcEvent) event = bc_event_new (id, track, BC_EVENT_MEETING, date, _("New event"));

  if (!bc_edit_insert (case_, G_OBJECT (event), error))
    return NULL;
  return event;
}

/**
 * bc_edit_add_actor:
 * @case_: a case
 * @track: where the actor is best known
 * @error: why it could not be added
 *
 * Returns: (transfer none) (nullable): a new actor “New actor”, now in
 *   @case_
 */
BcActor *
bc_edit_add_actor (BcCase   *case_,
                   BcTrack   track,
                   GError  **error)
{
  g_autofree char *id = bc_edit_fresh_id (case_, "actor");
  g_autoptr(BcActor) actor = bc_actor_new (id, track, BC_ACTOR_PERSON, _("New actor"));

  if (!bc_edit_insert (case_, G_OBJECT (actor), error))
    return NULL;
  return actor;
}

/**
 * bc_edit_add_source:
 * @case_: a case
 * @type: what kind of source
 * @citation: (nullable): its citation; “New source” when %NULL
 * @error: why it could not be added
 *
 * Returns: (transfer none) (nullable): the source, now in @case_
 */
BcSource *
bc_edit_add_source (BcCase        *case_,
                    BcSourceType   type,
                    const char    *citation,
                    GError       **error)
{
  g_autofree char *id = bc_edit_fresh_id (case_, "source");
  g_autoptr(BcSource) source = bc_source_new (id, type, citation ? citation : _("New source"));

  if (!bc_edit_insert (case_, G_OBJECT (source), error))
    return NULL;
  return source;
}

/**
 * bc_edit_add_transfer:
 * @case_: a case
 * @from: the id of the event it leaves
 * @to: the id of the event it reaches, on another track
 * @mechanism: how it passed
 * @status: how well it is known
 * @carriers: (nullable): the ids of the actors who carried it
 * @error: why it could not be added
 *
 * Returns: (transfer none) (nullable): a new transfer, now in @case_
 */
BcTransfer *
bc_edit_add_transfer (BcCase              *case_,
                      const char          *from,
                      const char          *to,
                      BcMechanism          mechanism,
                      BcTransferStatus     status,
                      const char * const  *carriers,
                      GError             **error)
{
  g_autofree char *id = bc_edit_fresh_id (case_, "transfer");
  g_autoptr(BcTransfer) transfer = bc_transfer_new (id, from, to, mechanism, _("New transfer"));

  g_object_set (transfer, "status", status, "carriers", carriers, NULL);
  if (!bc_edit_insert (case_, G_OBJECT (transfer), error))
    return NULL;
  return transfer;
}

/**
 * bc_edit_add_link:
 * @case_: a case
 * @from: the id of an event
 * @to: the id of another event
 * @type: how they are linked
 * @error: why it could not be added
 *
 * Returns: (transfer none) (nullable): the link, now in @case_
 */
BcLink *
bc_edit_add_link (BcCase      *case_,
                  const char  *from,
                  const char  *to,
                  BcLinkType   type,
                  GError     **error)
{
  g_autoptr(BcLink) link = bc_link_new (from, to, type);

  if (!bc_edit_insert (case_, G_OBJECT (link), error))
    return NULL;
  return link;
}

/**
 * bc_edit_add_annotation:
 * @case_: a case
 * @about: @case_, or the item annotated
 * @author: (nullable): who writes it
 * @text: what it says
 * @error: why it could not be added
 *
 * An annotation of a transfer is kept with the transfer; of any other
 * item, in the case's annotations, about it; of the case, there too.
 *
 * Returns: (transfer none) (nullable): the annotation, now in @case_
 */
BcAnnotation *
bc_edit_add_annotation (BcCase      *case_,
                        GObject     *about,
                        const char  *author,
                        const char  *text,
                        GError     **error)
{
  const char *id = BC_IS_ITEM (about) ? bc_item_get_id (BC_ITEM (about)) : NULL;
  g_autoptr(BcAnnotation) note = NULL;

  if (author == NULL || *author == '\0')
    author = g_get_real_name ();
  if (author == NULL || *author == '\0' || g_str_equal (author, "Unknown"))
    author = g_get_user_name ();

  note = bc_annotation_new_now (author, BC_IS_TRANSFER (about) ? NULL : id, text);
  if (!insert (case_, "annotations", BC_IS_TRANSFER (about) ? id : NULL, G_OBJECT (note),
               _("Add Annotation"), error))
    return NULL;
  return note;
}

/**
 * bc_edit_cite:
 * @case_: a case
 * @object: an actor, event or transfer
 * @source: the id of a source of @case_
 * @pages: (nullable): the pages cited
 * @error: why it could not be cited
 *
 * Adds evidence: a citation of @source from @object, as one step.
 */
gboolean
bc_edit_cite (BcCase      *case_,
              GObject     *object,
              const char  *source,
              const char  *pages,
              GError     **error)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) cited = bc_source_refs_new ();
  g_autoptr(BcCommand) command = NULL;
  g_autofree char *path = bc_case_get_target_path (case_, object);
  g_auto(GValue) value = G_VALUE_INIT;

  if (path == NULL)
    {
      g_set_error_literal (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND,
                           _("That is no longer part of the case"));
      return FALSE;
    }

  g_object_get (object, "sources", &refs, NULL);
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    g_ptr_array_add (cited, bc_source_ref_copy (g_ptr_array_index (refs, i)));
  g_ptr_array_add (cited, bc_source_ref_new (source, pages && *pages ? pages : NULL));

  g_value_init (&value, G_TYPE_PTR_ARRAY);
  g_value_set_boxed (&value, cited);
  command = bc_set_command_new (path, "sources", &value);
  bc_command_set_label (command, _("Add Evidence"));
  return bc_history_perform (history_of (case_), command, error);
}

typedef struct
{
  GObject      *object;
  BcSourceType  type;
  const char   *citation;
  BcSource     *made;
} CiteData;

static gboolean
cite_new_edit (BcCase   *case_,
               gpointer  data,
               GError  **error)
{
  CiteData *d = data;

  d->made = bc_edit_add_source (case_, d->type, d->citation, error);
  return d->made != NULL &&
         bc_edit_cite (case_, d->object, bc_item_get_id (BC_ITEM (d->made)), NULL, error);
}

/**
 * bc_edit_cite_new_source:
 * @case_: a case
 * @object: an actor, event or transfer
 * @type: what kind of source
 * @citation: its citation
 * @error: why it could not be made or cited
 *
 * A new source and its citation from @object, as one step: undoing it
 * leaves no source behind that nothing cites.
 *
 * Returns: (transfer none) (nullable): the new source
 */
BcSource *
bc_edit_cite_new_source (BcCase        *case_,
                         GObject       *object,
                         BcSourceType   type,
                         const char    *citation,
                         GError       **error)
{
  CiteData data = { object, type, citation, NULL };

  if (!in_group (case_, _("Add Evidence"), cite_new_edit, &data, error))
    return NULL;
  return data.made;
}

/**
 * bc_edit_set:
 * @case_: a case
 * @object: @case_, or anything in it
 * @property: a field of @object
 * @value: its new value
 * @error: why the case could not hold it
 *
 * Changes one field as one step. A new id of an item is followed by
 * everything that names the item, in the same step.
 */
gboolean
bc_edit_set (BcCase        *case_,
             GObject       *object,
             const char    *property,
             const GValue  *value,
             GError       **error)
{
  g_autofree char *path = bc_case_get_target_path (case_, object);
  g_autoptr(BcCommand) command = NULL;

  if (path == NULL)
    {
      g_set_error_literal (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND,
                           _("That is no longer part of the case"));
      return FALSE;
    }

  if (BC_IS_ITEM (object) && g_str_equal (property, "id"))
    {
      EditData data = { .object = object, .property = property, .value = value };

      if (!bc_rules_check_value (case_, object, property, value, error))
        return FALSE;
      return in_group (case_, field_label (property), rename_edit, &data, error);
    }

  command = bc_set_command_new (path, property, value);
  bc_command_set_label (command, field_label (property));
  return bc_history_perform (history_of (case_), command, error);
}

/**
 * bc_edit_move_event:
 * @case_: a case
 * @event: an event of @case_
 * @date: its new date
 * @error: why it cannot go there
 *
 * Moves @event in time: its date, and its end by the same span (see
 * bc_date_shift_end()), as one step “Move Event”.
 */
gboolean
bc_edit_move_event (BcCase   *case_,
                    BcEvent  *event,
                    BcDate    date,
                    GError  **error)
{
  EditData data = { .object = G_OBJECT (event), .date = date };
  BcDate old = bc_event_get_date (event);

  if (bc_date_equal (date, old))
    return TRUE;
  if (!bc_date_is_set (date) || date.year < 1000 || date.year > 9999 ||
      !bc_date_shift_end (old, date, bc_event_get_end (event), &data.end))
    {
      g_set_error_literal (error, BC_DATE_ERROR, BC_DATE_ERROR_RANGE,
                           _("Dates run from the year 1000 to 9999"));
      return FALSE;
    }
  return in_group (case_, _("Move Event"), move_edit, &data, error);
}

/**
 * bc_edit_nudge_event:
 * @case_: a case
 * @event: an event of @case_
 * @steps: how many days, months or years, as its date is known
 * @error: why it cannot go there
 *
 * The keyboard's way of bc_edit_move_event().
 */
gboolean
bc_edit_nudge_event (BcCase   *case_,
                     BcEvent  *event,
                     int       steps,
                     GError  **error)
{
  BcDate moved;

  if (!bc_date_add (bc_event_get_date (event), steps, &moved))
    {
      g_set_error_literal (error, BC_DATE_ERROR, BC_DATE_ERROR_RANGE,
                           _("Dates run from the year 1000 to 9999"));
      return FALSE;
    }
  return bc_edit_move_event (case_, event, moved, error);
}

/**
 * bc_edit_delete:
 * @case_: a case
 * @object: an item, link or annotation of @case_
 * @error: why it could not be deleted
 *
 * Deletes @object with everything that depends on it, as one step: the
 * transfers and links with an end at an event, annotations about the
 * item; memberships, participants, carriers and citations that name it
 * let go of it.
 */
gboolean
bc_edit_delete (BcCase   *case_,
                GObject  *object,
                GError  **error)
{
  EditData data = { .object = object };
  g_autofree char *label = g_strdup_printf (C_("undo", "Delete %s"), bc_edit_kind_label (object));
  g_autoptr(GObject) keep = g_object_ref (object);

  return in_group (case_, label, delete_edit, &data, error);
}

/**
 * bc_edit_add_step:
 * @case_: a case
 * @position: where in the story, or -1 for the end
 * @known_on: the date the step shows the case as known on
 * @focus: (nullable): ids of actors, events and transfers in focus
 * @caption: what the step says
 * @error: why the story could not take it
 *
 * Adds a step to the case's story as one step “Add Step”.
 *
 * Returns: (transfer none) (nullable): the step, now in @case_
 */
BcStoryStep *
bc_edit_add_step (BcCase              *case_,
                  int                  position,
                  BcDate               known_on,
                  const char * const  *focus,
                  const char          *caption,
                  GError             **error)
{
  g_autoptr(BcStoryStep) step = bc_story_step_new (known_on, focus, caption);
  g_autoptr(BcCommand) command = bc_insert_command_new ("story", NULL, position, G_OBJECT (step));

  bc_command_set_label (command, _("Add Step"));
  if (!bc_history_perform (history_of (case_), command, error))
    return NULL;
  return step;
}

/**
 * bc_edit_remove_step:
 * @case_: a case
 * @step: a step of its story
 * @error: why it could not be removed
 *
 * Removes @step from the story as one step “Remove Step”.
 */
gboolean
bc_edit_remove_step (BcCase       *case_,
                     BcStoryStep  *step,
                     GError      **error)
{
  g_autoptr(BcCommand) command = bc_remove_command_new_for (case_, G_OBJECT (step));

  if (command == NULL)
    {
      g_set_error_literal (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND,
                           _("That is no longer part of the case"));
      return FALSE;
    }
  bc_command_set_label (command, _("Remove Step"));
  return bc_history_perform (history_of (case_), command, error);
}

typedef struct
{
  BcStoryStep *step;
  guint        from;
  guint        to;
} MoveStepData;

static gboolean
move_step_edit (BcCase   *case_,
                gpointer  data,
                GError  **error)
{
  MoveStepData *d = data;
  g_autoptr(BcCommand) remove = bc_remove_command_new ("story", NULL, d->from);
  g_autoptr(BcCommand) insert = bc_insert_command_new ("story", NULL, (int) d->to, G_OBJECT (d->step));

  return bc_history_perform (history_of (case_), remove, error) &&
         bc_history_perform (history_of (case_), insert, error);
}

/**
 * bc_edit_move_step:
 * @case_: a case
 * @step: a step of its story
 * @position: its new place in the story, counted from 0
 * @error: why it could not be moved
 *
 * Moves @step within the story as one step “Move Step”.
 */
gboolean
bc_edit_move_step (BcCase       *case_,
                   BcStoryStep  *step,
                   guint         position,
                   GError      **error)
{
  GListModel *story = bc_case_get_story (case_);
  g_autoptr(BcStoryStep) keep = g_object_ref (step);
  MoveStepData data = { step, 0, position };

  if (!g_list_store_find (G_LIST_STORE (story), step, &data.from))
    {
      g_set_error_literal (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND,
                           _("That is no longer part of the case"));
      return FALSE;
    }
  if (position >= g_list_model_get_n_items (story))
    {
      g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND,
                   _("The story has no step %u"), position + 1);
      return FALSE;
    }
  if (position == data.from)
    return TRUE;
  return in_group (case_, _("Move Step"), move_step_edit, &data, error);
}
