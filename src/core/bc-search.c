/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bc-actor.h"
#include "bc-enum-types.h"
#include "bc-event.h"
#include "bc-search.h"
#include "bc-source.h"
#include "bc-transfer.h"

/**
 * bc_search_fold:
 * @text: (nullable): what the user typed, or a text to search in
 *
 * Text in the form searches compare: composed and case-folded, so "É"
 * typed as one character or as E and an accent finds both.
 *
 * Returns: (transfer full): the folded text, empty for %NULL
 */
char *
bc_search_fold (const char *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL)
    return g_strdup ("");
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  return g_utf8_casefold (normal != NULL ? normal : text, -1);
}

/**
 * bc_search_item_title:
 * @item: an actor, event, transfer or source
 *
 * The line an item is listed under: an actor's name, an event's or a
 * transfer's title, a source's citation.
 *
 * Returns: (transfer full): the title
 */
char *
bc_search_item_title (BcItem *item)
{
  g_return_val_if_fail (BC_IS_ITEM (item), NULL);

  if (BC_IS_ACTOR (item))
    return g_strdup (bc_actor_get_name (BC_ACTOR (item)));
  if (BC_IS_EVENT (item))
    return g_strdup (bc_event_get_title (BC_EVENT (item)));
  if (BC_IS_TRANSFER (item))
    return g_strdup (bc_transfer_get_title (BC_TRANSFER (item)));
  if (BC_IS_SOURCE (item))
    return g_strdup (bc_source_get_citation (BC_SOURCE (item)));
  return g_strdup (bc_item_get_id (item));
}

/**
 * bc_search_item_details:
 * @item: an actor, event, transfer or source
 *
 * The line under the title: an actor's track and role; an event's date,
 * track and type; a transfer's mechanism and status; a source's type.
 *
 * Returns: (transfer full) (nullable): the details, %NULL when there
 *   are none
 */
char *
bc_search_item_details (BcItem *item)
{
  g_return_val_if_fail (BC_IS_ITEM (item), NULL);

  if (BC_IS_ACTOR (item))
    {
      BcActor *actor = BC_ACTOR (item);
      const char *role = bc_actor_get_role (actor);

      if (role != NULL)
        return g_strdup_printf ("%s · %s", bc_track_get_label (bc_actor_get_track (actor)), role);
      return g_strdup (bc_track_get_label (bc_actor_get_track (actor)));
    }
  if (BC_IS_EVENT (item))
    {
      BcEvent *event = BC_EVENT (item);
      g_autofree char *date = bc_date_to_string (bc_event_get_date (event));

      return g_strdup_printf ("%s · %s · %s", date ? date : "?",
                              bc_track_get_label (bc_event_get_track (event)),
                              bc_event_type_get_label (bc_event_get_event_type (event)));
    }
  if (BC_IS_TRANSFER (item))
    {
      BcTransfer *transfer = BC_TRANSFER (item);

      return g_strdup_printf ("%s · %s",
                              bc_mechanism_get_label (bc_transfer_get_mechanism (transfer)),
                              bc_status_get_label (bc_transfer_get_status (transfer)));
    }
  if (BC_IS_SOURCE (item))
    return g_strdup (bc_enum_to_nick (BC_TYPE_SOURCE_TYPE,
                                      bc_source_get_source_type (BC_SOURCE (item))));
  return NULL;
}

/**
 * bc_search_item_matches:
 * @item: an actor, event, transfer or source
 * @folded: what to find, from bc_search_fold()
 *
 * Whether a search finds @item: its title, its details or its id holds
 * @folded. An empty search finds everything.
 *
 * Returns: %TRUE when @item matches
 */
gboolean
bc_search_item_matches (BcItem     *item,
                        const char *folded)
{
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *folded_haystack = NULL;

  g_return_val_if_fail (BC_IS_ITEM (item), FALSE);

  if (folded == NULL || *folded == '\0')
    return TRUE;

  title = bc_search_item_title (item);
  details = bc_search_item_details (item);
  haystack = g_strjoin ("\n", title ? title : "", details ? details : "",
                        bc_item_get_id (item), NULL);
  folded_haystack = bc_search_fold (haystack);
  return strstr (folded_haystack, folded) != NULL;
}

static void
search_model (GPtrArray  *found,
              GListModel *model,
              const char *folded)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcItem) item = g_list_model_get_item (model, i);

      if (bc_search_item_matches (item, folded))
        g_ptr_array_add (found, g_object_ref (item));
    }
}

/**
 * bc_search_case:
 * @kase: a case
 * @text: what the user typed
 *
 * Everything in @kase a search for @text finds: actors, events,
 * transfers and sources, in that order. An empty search finds nothing
 * to mark.
 *
 * Returns: (transfer container) (element-type BcItem): the items found
 */
GPtrArray *
bc_search_case (BcCase     *kase,
                const char *text)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *folded = bc_search_fold (text);

  g_return_val_if_fail (BC_IS_CASE (kase), found);

  if (*folded == '\0')
    return found;

  search_model (found, bc_case_get_actors (kase), folded);
  search_model (found, bc_case_get_events (kase), folded);
  search_model (found, bc_case_get_transfers (kase), folded);
  search_model (found, bc_case_get_sources (kase), folded);
  return found;
}
