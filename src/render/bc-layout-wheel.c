/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-layout-private.h"
#include "bc-render-private.h"

/* The wheel view: the tracks as sectors of a circle, the actors on a
 * ring inside the rim, transfers as chords between them. */

void
_bc_layout_wheel (BcLayout *self,
                  double    top)
{
  GListModel *actors = bc_case_get_actors (self->kase);
  GListModel *transfers = bc_case_get_transfers (self->kase);
  g_autoptr(GHashTable) actor_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) chords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint per_track[BC_N_TRACKS] = { 0 };
  guint placed[BC_N_TRACKS] = { 0 };
  double label_room = 170, r;
  double sector = 2 * G_PI / BC_N_TRACKS;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) counts = _bc_count_annotations (self->kase);

  r = (self->width - 2 * MARGIN - 2 * label_room) / 2;
  self->wheel_radius = r;
  self->wheel_centre = (BcPoint) { self->width / 2, top + 8 + label_room + r };

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      BcActor *a = g_list_model_get_item (actors, i);
      if (_bc_layout_track_wanted (self, bc_actor_get_track (a)))
        {
          per_track[bc_actor_get_track (a)]++;
          g_ptr_array_add (sorted, a);
        }
      else
        g_object_unref (a);
    }

  /* Sectors clockwise from the top: 1, 1.5, 2 … 9. */
  for (int t = 0; t < BC_N_TRACKS; t++)
    {
      BcLayoutSector s = { t, -G_PI / 2 + t * sector, -G_PI / 2 + (t + 1) * sector, 0, r, { 0 }, { 0 }, NULL };
      double mid = (s.angle0 + s.angle1) / 2;

      if (!_bc_layout_track_wanted (self, t))
        continue;
      s.centre = self->wheel_centre;
      s.label_at = (BcPoint) { self->wheel_centre.x + cos (mid) * r * 0.52,
                               self->wheel_centre.y + sin (mid) * r * 0.52 };
      s.label = g_strdup (bc_track_get_label (t));
      _bc_layout_add_item (self, BC_LAYOUT_ITEM_SECTOR, self->sectors->len,
                (BcRect) { self->wheel_centre.x - r, self->wheel_centre.y - r, 2 * r, 2 * r });
      g_array_append_val (self->sectors, s);
    }

  for (guint i = 0; i < sorted->len; i++)
    {
      BcActor *a = g_ptr_array_index (sorted, i);
      BcTrack t = bc_actor_get_track (a);
      BcLayoutActor la = { a, t };
      double w, h;

      la.angle = -G_PI / 2 + t * sector + sector * (placed[t] + 0.5) / per_track[t];
      la.orbit = r * 0.9;
      placed[t]++;
      la.centre = (BcPoint) { self->wheel_centre.x + cos (la.angle) * la.orbit,
                              self->wheel_centre.y + sin (la.angle) * la.orbit };
      la.node = (BcRect) { la.centre.x - ACTOR_R, la.centre.y - ACTOR_R, 2 * ACTOR_R, 2 * ACTOR_R };
      la.text = g_strdup (bc_actor_get_name (a));
      la.annotations = _bc_annotations_about (counts, a);
      if (la.annotations > 0)
        la.mark = (BcRect) { la.centre.x + 3, la.centre.y - 10, MARK_W, MARK_H };
      _bc_render_text_size (BC_FONT_SMALL, la.text, label_room - 10, 1, &w, &h);
      la.label_from = r + ACTOR_LABEL_GAP;
      la.label_width = w;
      la.label_height = h;
      g_hash_table_insert (actor_index, (gpointer) bc_item_get_id (BC_ITEM (a)),
                           GUINT_TO_POINTER (self->actors->len));
      {
        /* The label runs outwards past the rim. */
        double ex = self->wheel_centre.x + cos (la.angle) * (la.label_from + w);
        double ey = self->wheel_centre.y + sin (la.angle) * (la.label_from + w);
        BcRect b = { MIN (la.centre.x, ex) - h, MIN (la.centre.y, ey) - h,
                     fabs (ex - la.centre.x) + 2 * h, fabs (ey - la.centre.y) + 2 * h };
        g_object_ref (a);
        _bc_layout_add_item (self, BC_LAYOUT_ITEM_ACTOR, self->actors->len, _bc_rect_union (b, la.mark));
      }
      g_array_append_val (self->actors, la);
    }

  /* Chords: one per pair of actors and mechanism, as thick as the
   * transfers that pass between them. */
  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) t = g_list_model_get_item (transfers, i);
      BcEvent *from = bc_case_lookup_event (self->kase, bc_transfer_get_from (t));
      BcEvent *to = bc_case_lookup_event (self->kase, bc_transfer_get_to (t));
      const char * const *carriers = bc_transfer_get_carriers (t);
      const char * const *senders;
      const char * const *receivers;

      if (from == NULL || to == NULL || !_bc_transfer_is_known (t, self->options.known_on) ||
          !_bc_layout_event_wanted (self, from) || !_bc_layout_event_wanted (self, to))
        continue;
      senders = carriers != NULL && carriers[0] != NULL ? carriers : bc_event_get_participants (from);
      receivers = bc_event_get_participants (to);
      for (guint s = 0; senders != NULL && senders[s] != NULL; s++)
        for (guint d = 0; receivers != NULL && receivers[d] != NULL; d++)
          {
            gpointer si, di, existing;
            g_autofree char *key = NULL;

            if (g_strcmp0 (senders[s], receivers[d]) == 0 ||
                !g_hash_table_lookup_extended (actor_index, senders[s], NULL, &si) ||
                !g_hash_table_lookup_extended (actor_index, receivers[d], NULL, &di))
              continue;
            key = g_strdup_printf ("%s\x1f%s\x1f%d", senders[s], receivers[d],
                                   bc_transfer_get_mechanism (t));
            if (g_hash_table_lookup_extended (chords, key, NULL, &existing))
              {
                BcLayoutCurve *c = &g_array_index (self->transfers, BcLayoutCurve,
                                                   GPOINTER_TO_UINT (existing));
                c->weight += 1;
                if (bc_transfer_get_status (t) < c->status)
                  c->status = bc_transfer_get_status (t);
                continue;
              }
            {
              BcLayoutCurve c = { G_OBJECT (t), GPOINTER_TO_INT (si), GPOINTER_TO_INT (di) };
              BcLayoutActor *a = &g_array_index (self->actors, BcLayoutActor, c.from);
              BcLayoutActor *b = &g_array_index (self->actors, BcLayoutActor, c.to);
              BcPoint o = self->wheel_centre;

              c.mechanism = bc_transfer_get_mechanism (t);
              c.status = bc_transfer_get_status (t);
              c.direction = bc_case_get_transfer_direction (self->kase, t);
              c.weight = 1;
              c.p[0] = a->centre;
              c.p[3] = b->centre;
              c.p[1] = (BcPoint) { o.x + (a->centre.x - o.x) * 0.35, o.y + (a->centre.y - o.y) * 0.35 };
              c.p[2] = (BcPoint) { o.x + (b->centre.x - o.x) * 0.35, o.y + (b->centre.y - o.y) * 0.35 };
              g_hash_table_insert (chords, g_steal_pointer (&key), GUINT_TO_POINTER (self->transfers->len));
              g_array_append_val (self->transfers, c);
            }
          }
    }
  for (guint i = 0; i < self->transfers->len; i++)
    {
      BcLayoutCurve *c = &g_array_index (self->transfers, BcLayoutCurve, i);
      g_object_ref (c->object);
      /* A chord stands for every transfer it merged; it shows the mark
       * of the one it was made from. */
      c->annotations = _bc_annotations_about (counts, c->object);
      _bc_place_curve_mark (c);
      _bc_layout_add_item (self, BC_LAYOUT_ITEM_TRANSFER, i, _bc_rect_union (_bc_curve_bounds (c, 12), c->mark));
    }

  /* Links between events become thin chords between their participants. */
  g_hash_table_remove_all (chords);
  {
    GListModel *links = bc_case_get_links (self->kase);

    for (guint i = 0; i < g_list_model_get_n_items (links); i++)
      {
        g_autoptr(BcLink) link = g_list_model_get_item (links, i);
        BcEvent *from = bc_case_lookup_event (self->kase, bc_link_get_from (link));
        BcEvent *to = bc_case_lookup_event (self->kase, bc_link_get_to (link));
        const char * const *ps, * const *pd;

        if (from == NULL || to == NULL || !_bc_layout_event_wanted (self, from) || !_bc_layout_event_wanted (self, to))
          continue;
        ps = bc_event_get_participants (from);
        pd = bc_event_get_participants (to);
        for (guint s = 0; ps != NULL && ps[s] != NULL; s++)
          for (guint d = 0; pd != NULL && pd[d] != NULL; d++)
            {
              gpointer si, di, existing;
              g_autofree char *key = NULL;

              if (g_strcmp0 (ps[s], pd[d]) == 0 ||
                  !g_hash_table_lookup_extended (actor_index, ps[s], NULL, &si) ||
                  !g_hash_table_lookup_extended (actor_index, pd[d], NULL, &di))
                continue;
              key = g_strdup_printf ("%s\x1f%s", ps[s], pd[d]);
              if (g_hash_table_lookup_extended (chords, key, NULL, &existing))
                {
                  g_array_index (self->links, BcLayoutCurve, GPOINTER_TO_UINT (existing)).weight += 1;
                  continue;
                }
              {
                BcLayoutCurve c = { G_OBJECT (link), GPOINTER_TO_INT (si), GPOINTER_TO_INT (di) };
                BcLayoutActor *a = &g_array_index (self->actors, BcLayoutActor, c.from);
                BcLayoutActor *b = &g_array_index (self->actors, BcLayoutActor, c.to);
                BcPoint o = self->wheel_centre;

                c.weight = 1;
                c.p[0] = a->centre;
                c.p[3] = b->centre;
                c.p[1] = (BcPoint) { o.x + (a->centre.x - o.x) * 0.5, o.y + (a->centre.y - o.y) * 0.5 };
                c.p[2] = (BcPoint) { o.x + (b->centre.x - o.x) * 0.5, o.y + (b->centre.y - o.y) * 0.5 };
                g_hash_table_insert (chords, g_steal_pointer (&key), GUINT_TO_POINTER (self->links->len));
                g_array_append_val (self->links, c);
              }
            }
      }
  }
  {
    /* Links paint under transfers: re-order the items so. */
    guint first_transfer = self->items->len - self->transfers->len;
    g_autoptr(GArray) tail = g_array_new (FALSE, FALSE, sizeof (BcLayoutItem));

    g_array_append_vals (tail, &g_array_index (self->items, BcLayoutItem, first_transfer),
                         self->transfers->len);
    g_array_set_size (self->items, first_transfer);
    for (guint i = 0; i < self->links->len; i++)
      {
        BcLayoutCurve *c = &g_array_index (self->links, BcLayoutCurve, i);
        g_object_ref (c->object);
        _bc_layout_add_item (self, BC_LAYOUT_ITEM_LINK, i, _bc_curve_bounds (c, 4));
      }
    g_array_append_vals (self->items, tail->data, tail->len);
  }

    /* Track names go over the chords, so that they stay legible. */
  for (guint i = 0; i < self->sectors->len; i++)
    {
      BcLayoutSector *sec = &g_array_index (self->sectors, BcLayoutSector, i);
      _bc_layout_add_item (self, BC_LAYOUT_ITEM_SECTOR_LABEL, i,
                (BcRect) { sec->label_at.x - 40, sec->label_at.y - 12, 80, 24 });
    }
  self->height = self->wheel_centre.y + r + label_room + 16;
  _bc_layout_legend (self, self->height);
  self->height = self->legend_rect.y + self->legend_rect.height + MARGIN;
}
