/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-case"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-case-private.h"
#include "bc-history.h"
#include "bc-item-private.h"
#include "bc-transfer-private.h"

static const char * const sections[] = {
  "actors", "events", "links", "transfers", "sources", "annotations", "story",
};

struct _BcCase
{
  GObject      parent_instance;

  char        *id;
  char        *language;
  char        *title;
  char        *summary;
  BcDate       period_start;
  BcDate       period_end;
  char        *region;
  char       **authors;
  char        *license;
  char        *story_title;

  GListStore  *stores[G_N_ELEMENTS (sections)];
  GHashTable  *index;            /* id → BcItem, borrowed from the stores */
  guint        present_sections; /* bit per section written even when empty */

  BcHistory   *history;
};

G_DEFINE_FINAL_TYPE (BcCase, bc_case, G_TYPE_OBJECT)

G_DEFINE_QUARK (bc-case-error-quark, bc_case_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_LANGUAGE,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  PROP_REGION,
  PROP_AUTHORS,
  PROP_LICENSE,
  PROP_STORY_TITLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

enum {
  SECTION_ACTORS,
  SECTION_EVENTS,
  SECTION_LINKS,
  SECTION_TRANSFERS,
  SECTION_SOURCES,
  SECTION_ANNOTATIONS,
  SECTION_STORY,
};

/* Auxiliary functions */

static int
section_index (const char *section)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i], section) == 0)
      return (int) i;
  return -1;
}

static void on_object_notify (GObject    *object,
                              GParamSpec *pspec,
                              BcCase     *self);

static void
on_annotations_changed (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        BcTransfer *transfer)
{
  BcCase *self = bc_item_get_case (BC_ITEM (transfer));

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) annotation = g_list_model_get_item (model, i);

      if (self != NULL)
        g_signal_connect (annotation, "notify", G_CALLBACK (on_object_notify), self);
    }
}

/* Plain connections, not g_signal_connect_object(): with thousands of
 * items, each would hang an invalidation notifier on the case, and taking
 * them off one by one is quadratic. The case disconnects every item it
 * holds when an item leaves and in dispose. */
static void
watch (BcCase  *self,
       GObject *object)
{
  g_signal_connect (object, "notify", G_CALLBACK (on_object_notify), self);

  if (BC_IS_TRANSFER (object))
    {
      GListModel *annotations = bc_transfer_get_annotations (BC_TRANSFER (object));

      for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
        {
          g_autoptr(GObject) annotation = g_list_model_get_item (annotations, i);
          g_signal_connect (annotation, "notify", G_CALLBACK (on_object_notify), self);
        }
      g_signal_connect (annotations, "items-changed", G_CALLBACK (on_annotations_changed), object);
    }
}

static void
unwatch (BcCase  *self,
         GObject *object)
{
  g_signal_handlers_disconnect_by_func (object, on_object_notify, self);

  if (BC_IS_TRANSFER (object))
    {
      GListModel *annotations = bc_transfer_get_annotations (BC_TRANSFER (object));

      for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
        {
          g_autoptr(GObject) annotation = g_list_model_get_item (annotations, i);
          g_signal_handlers_disconnect_by_func (annotation, on_object_notify, self);
        }
      g_signal_handlers_disconnect_by_func (annotations, on_annotations_changed, object);
    }
}

/* Callbacks */

static void
on_object_notify (GObject    *object,
                  GParamSpec *pspec,
                  BcCase     *self)
{
  /* An id is the index key; find the item under its old key. */
  if (BC_IS_ITEM (object) && g_strcmp0 (pspec->name, "id") == 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->index);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (value == object)
          {
            g_hash_table_iter_remove (&iter);
            break;
          }

      g_hash_table_insert (self->index,
                           g_strdup (bc_item_get_id (BC_ITEM (object))),
                           object);
    }

  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (pspec->name),
                 BC_CHANGE_FIELD, object, pspec->name);
}

/* GObject */

static void
bc_case_dispose (GObject *object)
{
  BcCase *self = BC_CASE (object);

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      if (self->stores[s] == NULL)
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->stores[s])); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->stores[s]), i);

          unwatch (self, item);
          if (BC_IS_ITEM (item))
            _bc_item_set_case (BC_ITEM (item), NULL);
        }
      g_clear_object (&self->stores[s]);
    }

  g_clear_object (&self->history);

  G_OBJECT_CLASS (bc_case_parent_class)->dispose (object);
}

static void
bc_case_finalize (GObject *object)
{
  BcCase *self = BC_CASE (object);

  g_free (self->id);
  g_free (self->language);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->region);
  g_strfreev (self->authors);
  g_free (self->license);
  g_free (self->story_title);
  g_clear_pointer (&self->index, g_hash_table_unref);

  G_OBJECT_CLASS (bc_case_parent_class)->finalize (object);
}

static void
bc_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BcCase *self = BC_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_PERIOD_START:
      _bc_value_set_date (value, self->period_start);
      break;
    case PROP_PERIOD_END:
      _bc_value_set_date (value, self->period_end);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_AUTHORS:
      g_value_set_boxed (value, self->authors);
      break;
    case PROP_LICENSE:
      g_value_set_string (value, self->license);
      break;
    case PROP_STORY_TITLE:
      g_value_set_string (value, self->story_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BcCase *self = BC_CASE (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_ID:
      changed = _bc_set_string (&self->id, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      changed = _bc_set_string (&self->language, g_value_get_string (value));
      break;
    case PROP_TITLE:
      changed = _bc_set_string (&self->title, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      changed = _bc_set_string (&self->summary, g_value_get_string (value));
      break;
    case PROP_PERIOD_START:
      changed = _bc_set_date (&self->period_start, g_value_get_boxed (value));
      break;
    case PROP_PERIOD_END:
      changed = _bc_set_date (&self->period_end, g_value_get_boxed (value));
      break;
    case PROP_REGION:
      changed = _bc_set_string (&self->region, g_value_get_string (value));
      break;
    case PROP_AUTHORS:
      changed = _bc_set_strv (&self->authors, g_value_get_boxed (value));
      break;
    case PROP_LICENSE:
      changed = _bc_set_string (&self->license, g_value_get_string (value));
      break;
    case PROP_STORY_TITLE:
      changed = _bc_set_string (&self->story_title, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    {
      g_object_notify_by_pspec (object, pspec);
      g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (pspec->name),
                     BC_CHANGE_FIELD, object, pspec->name);
    }
}

static void
bc_case_class_init (BcCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bc_case_dispose;
  object_class->finalize = bc_case_finalize;
  object_class->get_property = bc_case_get_property;
  object_class->set_property = bc_case_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_PERIOD_START] =
    g_param_spec_boxed ("period-start", NULL, NULL, BC_TYPE_DATE, flags);
  properties[PROP_PERIOD_END] =
    g_param_spec_boxed ("period-end", NULL, NULL, BC_TYPE_DATE, flags);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_AUTHORS] = g_param_spec_boxed ("authors", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LICENSE] = g_param_spec_string ("license", NULL, NULL, NULL, flags);
  properties[PROP_STORY_TITLE] = g_param_spec_string ("story-title", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BcCase::changed:
   * @self: the case
   * @kind: a #BcChangeKind
   * @object: the case, or what in it was changed, added or removed
   * @detail: the property that changed, or the section of what was added
   *   or removed
   *
   * The one place to hear of every change to the case: a field of the
   * case or of anything in it, or something added to or removed from a
   * section (a transfer's own annotations included). The detail of the
   * signal is @detail, so a view can listen to "changed::title" alone.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_OBJECT, G_TYPE_STRING);
}

static void
bc_case_init (BcCase *self)
{
  self->stores[SECTION_ACTORS] = g_list_store_new (BC_TYPE_ACTOR);
  self->stores[SECTION_EVENTS] = g_list_store_new (BC_TYPE_EVENT);
  self->stores[SECTION_LINKS] = g_list_store_new (BC_TYPE_LINK);
  self->stores[SECTION_TRANSFERS] = g_list_store_new (BC_TYPE_TRANSFER);
  self->stores[SECTION_SOURCES] = g_list_store_new (BC_TYPE_SOURCE);
  self->stores[SECTION_ANNOTATIONS] = g_list_store_new (BC_TYPE_ANNOTATION);
  self->stores[SECTION_STORY] = g_list_store_new (BC_TYPE_STORY_STEP);
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->history = bc_history_new (self);
}

/* Public API */

BcCase *
bc_case_new (const char *id,
             const char *title)
{
  return g_object_new (BC_TYPE_CASE, "id", id, "title", title, NULL);
}

const char *
bc_case_get_id (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return self->id;
}

const char *
bc_case_get_language (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return self->language;
}

const char *
bc_case_get_title (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return self->title;
}

const char *
bc_case_get_summary (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return self->summary;
}

BcDate
bc_case_get_period_start (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), BC_DATE_UNSET);
  return self->period_start;
}

BcDate
bc_case_get_period_end (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), BC_DATE_UNSET);
  return self->period_end;
}

const char *
bc_case_get_region (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return self->region;
}

/**
 * bc_case_get_authors:
 * @self: a case
 *
 * Returns: (transfer none) (nullable): who compiled the case
 */
const char * const *
bc_case_get_authors (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return (const char * const *) self->authors;
}

const char *
bc_case_get_license (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return self->license;
}

/**
 * bc_case_get_actors:
 * @self: a case
 *
 * Returns: (transfer none): the #BcActor list, in file order
 */
GListModel *
bc_case_get_actors (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return G_LIST_MODEL (self->stores[SECTION_ACTORS]);
}

/**
 * bc_case_get_events:
 * @self: a case
 *
 * Returns: (transfer none): the #BcEvent list, in file order
 */
GListModel *
bc_case_get_events (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return G_LIST_MODEL (self->stores[SECTION_EVENTS]);
}

/**
 * bc_case_get_links:
 * @self: a case
 *
 * Returns: (transfer none): the #BcLink list, in file order
 */
GListModel *
bc_case_get_links (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return G_LIST_MODEL (self->stores[SECTION_LINKS]);
}

/**
 * bc_case_get_transfers:
 * @self: a case
 *
 * Returns: (transfer none): the #BcTransfer list, in file order
 */
GListModel *
bc_case_get_transfers (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return G_LIST_MODEL (self->stores[SECTION_TRANSFERS]);
}

/**
 * bc_case_get_sources:
 * @self: a case
 *
 * Returns: (transfer none): the #BcSource list, in file order
 */
GListModel *
bc_case_get_sources (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return G_LIST_MODEL (self->stores[SECTION_SOURCES]);
}

/**
 * bc_case_get_annotations:
 * @self: a case
 *
 * Returns: (transfer none): the case-level #BcAnnotation list
 */
GListModel *
bc_case_get_annotations (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return G_LIST_MODEL (self->stores[SECTION_ANNOTATIONS]);
}

/**
 * bc_case_get_story_title:
 * @self: a case
 *
 * Returns: (transfer none) (nullable): the title of the case's story
 */
const char *
bc_case_get_story_title (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return self->story_title;
}

/**
 * bc_case_get_story:
 * @self: a case
 *
 * Returns: (transfer none): the #BcStoryStep list of the case's story,
 *   in the order it is told; empty when the case has no story
 */
GListModel *
bc_case_get_story (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return G_LIST_MODEL (self->stores[SECTION_STORY]);
}

/**
 * bc_case_has_story:
 * @self: a case
 *
 * Returns: %TRUE when the case's story has at least one step
 */
gboolean
bc_case_has_story (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), FALSE);
  return g_list_model_get_n_items (G_LIST_MODEL (self->stores[SECTION_STORY])) > 0;
}

/**
 * bc_case_get_history:
 * @self: a case
 *
 * Returns: (transfer none): the undo history every edit goes through
 */
BcHistory *
bc_case_get_history (BcCase *self)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  return self->history;
}

/**
 * bc_case_lookup:
 * @self: a case
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the actor, event, transfer or
 *   source with that id
 */
BcItem *
bc_case_lookup (BcCase     *self,
                const char *id)
{
  g_return_val_if_fail (BC_IS_CASE (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->index, id);
}

BcActor *
bc_case_lookup_actor (BcCase     *self,
                      const char *id)
{
  BcItem *item = bc_case_lookup (self, id);
  return BC_IS_ACTOR (item) ? BC_ACTOR (item) : NULL;
}

BcEvent *
bc_case_lookup_event (BcCase     *self,
                      const char *id)
{
  BcItem *item = bc_case_lookup (self, id);
  return BC_IS_EVENT (item) ? BC_EVENT (item) : NULL;
}

BcTransfer *
bc_case_lookup_transfer (BcCase     *self,
                         const char *id)
{
  BcItem *item = bc_case_lookup (self, id);
  return BC_IS_TRANSFER (item) ? BC_TRANSFER (item) : NULL;
}

BcSource *
bc_case_lookup_source (BcCase     *self,
                       const char *id)
{
  BcItem *item = bc_case_lookup (self, id);
  return BC_IS_SOURCE (item) ? BC_SOURCE (item) : NULL;
}

/**
 * bc_case_find_events:
 * @self: a case
 * @tracks: a mask of BC_TRACK_BIT() values, or %BC_ALL_TRACKS
 * @first_day: Julian day the range starts on, or 0 for no bound
 * @last_day: Julian day the range ends on, or 0 for no bound
 *
 * Finds the events on @tracks whose span, at the precision of their
 * dates, meets the range.
 *
 * Returns: (transfer container) (element-type BcEvent): the events, in
 *   file order
 */
GPtrArray *
bc_case_find_events (BcCase  *self,
                     guint    tracks,
                     guint32  first_day,
                     guint32  last_day)
{
  GListModel *events;
  GPtrArray *found;
  guint n;

  g_return_val_if_fail (BC_IS_CASE (self), NULL);

  events = G_LIST_MODEL (self->stores[SECTION_EVENTS]);
  n = g_list_model_get_n_items (events);
  found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);

      if ((tracks & BC_TRACK_BIT (bc_event_get_track (event))) == 0)
        continue;
      if (last_day != 0 && bc_event_get_first_day (event) > last_day)
        continue;
      if (first_day != 0 && bc_event_get_last_day (event) < first_day)
        continue;

      g_ptr_array_add (found, g_steal_pointer (&event));
    }

  return found;
}

/**
 * bc_case_find_transfers:
 * @self: a case
 * @mechanism: a transfer mechanism
 *
 * Returns: (transfer container) (element-type BcTransfer): the transfers
 *   by @mechanism, in file order
 */
GPtrArray *
bc_case_find_transfers (BcCase      *self,
                        BcMechanism  mechanism)
{
  GListModel *transfers;
  GPtrArray *found;

  g_return_val_if_fail (BC_IS_CASE (self), NULL);

  transfers = G_LIST_MODEL (self->stores[SECTION_TRANSFERS]);
  found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);

      if (bc_transfer_get_mechanism (transfer) == mechanism)
        g_ptr_array_add (found, g_steal_pointer (&transfer));
    }

  return found;
}

/**
 * bc_case_find_annotations_about:
 * @self: a case
 * @id: an id, or %NULL for the annotations about the case itself
 *
 * Returns: (transfer container) (element-type BcAnnotation): the
 *   case-level annotations about @id, and the transfer's own when @id
 *   names a transfer
 */
GPtrArray *
bc_case_find_annotations_about (BcCase     *self,
                                const char *id)
{
  GListModel *annotations;
  BcTransfer *transfer;
  GPtrArray *found;

  g_return_val_if_fail (BC_IS_CASE (self), NULL);

  found = g_ptr_array_new_with_free_func (g_object_unref);

  transfer = bc_case_lookup_transfer (self, id);
  if (transfer != NULL)
    {
      GListModel *own = bc_transfer_get_annotations (transfer);

      for (guint i = 0; i < g_list_model_get_n_items (own); i++)
        g_ptr_array_add (found, g_list_model_get_item (own, i));
    }

  annotations = G_LIST_MODEL (self->stores[SECTION_ANNOTATIONS]);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(BcAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (g_strcmp0 (bc_annotation_get_about (annotation), id) == 0)
        g_ptr_array_add (found, g_steal_pointer (&annotation));
    }

  return found;
}

/**
 * bc_case_get_transfer_direction:
 * @self: a case
 * @transfer: a transfer of @self
 *
 * Upward means toward Track 1; a transfer between two unofficial tracks
 * goes across.
 */
BcDirection
bc_case_get_transfer_direction (BcCase     *self,
                                BcTransfer *transfer)
{
  BcEvent *from, *to;
  int from_level, to_level;

  g_return_val_if_fail (BC_IS_CASE (self), BC_DIRECTION_ACROSS);

  from = bc_case_lookup_event (self, bc_transfer_get_from (transfer));
  to = bc_case_lookup_event (self, bc_transfer_get_to (transfer));
  if (from == NULL || to == NULL)
    return BC_DIRECTION_ACROSS;

  from_level = bc_track_get_level (bc_event_get_track (from));
  to_level = bc_track_get_level (bc_event_get_track (to));

  if (to_level < from_level)
    return BC_DIRECTION_UPWARD;
  if (to_level > from_level)
    return BC_DIRECTION_DOWNWARD;
  return BC_DIRECTION_ACROSS;
}

/**
 * bc_case_get_time_span:
 * @self: a case
 * @first_day: (out): the first Julian day of any event, or of the period
 * @last_day: (out): the last
 *
 * Returns: %FALSE when the case has no dates at all
 */
gboolean
bc_case_get_time_span (BcCase  *self,
                       guint32 *first_day,
                       guint32 *last_day)
{
  GListModel *events;
  guint32 first = G_MAXUINT32, last = 0;

  g_return_val_if_fail (BC_IS_CASE (self), FALSE);

  if (bc_date_is_set (self->period_start))
    first = bc_date_get_first_day (self->period_start);
  if (bc_date_is_set (self->period_end))
    last = bc_date_get_last_day (self->period_end);

  events = G_LIST_MODEL (self->stores[SECTION_EVENTS]);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);

      if (bc_event_get_first_day (event) == 0)
        continue;
      first = MIN (first, bc_event_get_first_day (event));
      last = MAX (last, bc_event_get_last_day (event));
    }

  if (last == 0 || first == G_MAXUINT32)
    return FALSE;

  *first_day = first;
  *last_day = last;
  return TRUE;
}

/**
 * bc_case_get_target_path:
 * @self: a case
 * @object: the case or anything in it
 *
 * Names @object so that a command can find it again after other edits
 * have come and gone: an item by its id, a link or annotation by its
 * place in its list ("#links/3", "treaty#annotations/0"), the case as "".
 *
 * Returns: (transfer full) (nullable): the path, or %NULL when @object
 *   is not in @self
 */
char *
bc_case_get_target_path (BcCase  *self,
                         GObject *object)
{
  guint position;

  g_return_val_if_fail (BC_IS_CASE (self), NULL);

  if (object == G_OBJECT (self))
    return g_strdup ("");

  if (BC_IS_ITEM (object))
    return bc_item_get_case (BC_ITEM (object)) == self
           ? g_strdup (bc_item_get_id (BC_ITEM (object)))
           : NULL;

  if (BC_IS_LINK (object))
    return g_list_store_find (self->stores[SECTION_LINKS], object, &position)
           ? g_strdup_printf ("#links/%u", position)
           : NULL;

  if (BC_IS_STORY_STEP (object))
    return g_list_store_find (self->stores[SECTION_STORY], object, &position)
           ? g_strdup_printf ("#story/%u", position)
           : NULL;

  if (BC_IS_ANNOTATION (object))
    {
      GListModel *transfers = G_LIST_MODEL (self->stores[SECTION_TRANSFERS]);

      if (g_list_store_find (self->stores[SECTION_ANNOTATIONS], object, &position))
        return g_strdup_printf ("#annotations/%u", position);

      for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
        {
          g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);

          if (g_list_store_find (_bc_transfer_get_annotation_store (transfer), object, &position))
            return g_strdup_printf ("%s#annotations/%u",
                                    bc_item_get_id (BC_ITEM (transfer)), position);
        }
    }

  return NULL;
}

/**
 * bc_case_resolve_target:
 * @self: a case
 * @target: a path from bc_case_get_target_path()
 *
 * Returns: (transfer none) (nullable): the object @target names
 */
GObject *
bc_case_resolve_target (BcCase     *self,
                        const char *target)
{
  const char *hash;
  g_autofree char *owner = NULL;
  GListStore *store;
  guint64 position;
  const char *slash;
  GObject *found;

  g_return_val_if_fail (BC_IS_CASE (self), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  if (*target == '\0')
    return G_OBJECT (self);

  hash = strchr (target, '#');
  if (hash == NULL)
    return G_OBJECT (bc_case_lookup (self, target));

  owner = g_strndup (target, (gsize) (hash - target));
  slash = strchr (hash, '/');
  if (slash == NULL || !g_ascii_string_to_unsigned (slash + 1, 10, 0, G_MAXUINT, &position, NULL))
    return NULL;

  {
    g_autofree char *section = g_strndup (hash + 1, (gsize) (slash - hash - 1));
    store = _bc_case_get_store (self, section, *owner ? owner : NULL, NULL);
  }
  if (store == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return NULL;

  /* The store keeps its own reference. */
  found = g_list_model_get_item (G_LIST_MODEL (store), (guint) position);
  g_object_unref (found);
  return found;
}

/* Internal API, for the reader and the commands */

GListStore *
_bc_case_get_store (BcCase      *self,
                    const char  *section,
                    const char  *owner_id,
                    GError     **error)
{
  int s = section_index (section);

  if (owner_id != NULL)
    {
      BcTransfer *transfer = bc_case_lookup_transfer (self, owner_id);

      if (transfer == NULL || s != SECTION_ANNOTATIONS)
        {
          g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND,
                       _("There is no transfer “%s” to hold annotations"), owner_id);
          return NULL;
        }
      return _bc_transfer_get_annotation_store (transfer);
    }

  if (s < 0)
    {
      g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND,
                   _("A case has no section “%s”"), section);
      return NULL;
    }

  return self->stores[s];
}

gboolean
_bc_case_insert (BcCase      *self,
                 const char  *section,
                 const char  *owner_id,
                 int          position,
                 GObject     *object,
                 GError     **error)
{
  GListStore *store = _bc_case_get_store (self, section, owner_id, error);
  guint n;

  if (store == NULL)
    return FALSE;

  if (!g_type_is_a (G_OBJECT_TYPE (object), g_list_model_get_item_type (G_LIST_MODEL (store))))
    {
      g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID,
                   _("A %s cannot go into the %s section"),
                   G_OBJECT_TYPE_NAME (object), section);
      return FALSE;
    }

  if (BC_IS_ITEM (object))
    {
      const char *id = bc_item_get_id (BC_ITEM (object));

      if (id == NULL || g_hash_table_contains (self->index, id))
        {
          g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_DUPLICATE_ID,
                       _("The id “%s” is already used in this case"), id ? id : "");
          return FALSE;
        }
      g_hash_table_insert (self->index, g_strdup (id), object);
      _bc_item_set_case (BC_ITEM (object), self);
    }

  /* Annotations of a transfer are watched through the transfer. */
  if (owner_id == NULL)
    watch (self, object);

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (position < 0 || (guint) position >= n)
    g_list_store_append (store, object);
  else
    g_list_store_insert (store, (guint) position, object);

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (section), BC_CHANGE_ADDED, object, section);
  return TRUE;
}

GObject *
_bc_case_remove (BcCase      *self,
                 const char  *section,
                 const char  *owner_id,
                 guint        position,
                 GError     **error)
{
  GListStore *store = _bc_case_get_store (self, section, owner_id, error);
  GObject *object;

  if (store == NULL)
    return NULL;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    {
      g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND,
                   _("The %s section has no item %u"), section, position);
      return NULL;
    }

  object = g_list_model_get_item (G_LIST_MODEL (store), position);

  if (owner_id == NULL)
    unwatch (self, object);
  else
    g_signal_handlers_disconnect_by_func (object, on_object_notify, self);

  if (BC_IS_ITEM (object))
    {
      g_hash_table_remove (self->index, bc_item_get_id (BC_ITEM (object)));
      _bc_item_set_case (BC_ITEM (object), NULL);
    }

  g_list_store_remove (store, position);
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (section), BC_CHANGE_REMOVED, object, section);
  return object;
}

void
_bc_case_set_section_present (BcCase     *self,
                              const char *section)
{
  int s = section_index (section);

  g_return_if_fail (s >= 0);
  self->present_sections |= 1u << s;
}

gboolean
_bc_case_get_section_present (BcCase     *self,
                              const char *section)
{
  int s = section_index (section);

  g_return_val_if_fail (s >= 0, FALSE);
  return (self->present_sections & (1u << s)) != 0 ||
         g_list_model_get_n_items (G_LIST_MODEL (self->stores[s])) > 0;
}
