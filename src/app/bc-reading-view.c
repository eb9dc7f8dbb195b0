/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-reading-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-narrative.h"
#include "bc-reading-view.h"

/* The case as a narrative a student reads in order: the case's summary,
 * then every event and transfer by date, then the sources. One row of a
 * list per item, so that each paragraph is focusable and selectable from
 * the keyboard and names itself to a screen reader; the selection is the
 * view state's, shared with the canvas. An edit rebuilds only the rows it
 * touches. */

typedef enum
{
  SECTION_CASE,
  SECTION_STORY,
  SECTION_SOURCES,
} Section;

typedef struct
{
  BcItem  *item;     /* NULL for the case's own paragraph */
  Section  section;
  guint32  day;      /* where it belongs in the story */
  guint32  last_day;
  int      kind;     /* events before the transfers of the same day */
  GtkWidget *versions;
} RowInfo;

struct _BcReadingView
{
  GtkWidget       parent_instance;

  BcViewState    *view_state;
  BcCase         *case_;
  GtkWidget      *scrolled;
  GtkListBox     *list;
  GHashTable     *rows;       /* BcItem → GtkListBoxRow, unowned */
  GtkListBoxRow  *case_row;
  gboolean        syncing;
  guint           scroll_id;
};

G_DEFINE_FINAL_TYPE (BcReadingView, bc_reading_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char row_info_key[] = "bc-reading-row";

/* Auxiliary functions */

static RowInfo *
row_info (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), row_info_key);
}

static void
row_info_free (RowInfo *info)
{
  g_clear_object (&info->item);
  g_free (info);
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label;

  if (text == NULL || text[0] == '\0')
    return NULL;

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 72);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* A card of its own for each version, its text inside a margin. */
static GtkWidget *
add_card (GtkWidget *versions)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (inner, 10);
  gtk_widget_set_margin_bottom (inner, 10);
  gtk_widget_set_margin_start (inner, 10);
  gtk_widget_set_margin_end (inner, 10);
  gtk_box_append (GTK_BOX (card), inner);
  gtk_box_append (GTK_BOX (versions), card);
  return inner;
}

static char *
format_evidence (BcCase    *kase,
                 GPtrArray *refs)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      g_autofree char *citation = bc_narrative_format_citation (kase, g_ptr_array_index (refs, i));

      if (out->len > 0)
        /* Translators: between two citations */
        g_string_append (out, _("; "));
      g_string_append (out, citation);
    }

  if (out->len == 0)
    return NULL;

  /* Translators: the sources an event or a transfer rests on */
  return g_strdup_printf (_("Sources: %s"), out->str);
}

/* The versions of a contested fact, side by side: the account the case
 * gives with the sources it cites, then each annotation with its author.
 * A horizontal box follows the text direction, so in Arabic the case's
 * account stands on the right. */
static GtkWidget *
build_versions (BcReadingView *self,
                BcItem        *item,
                const char    *account,
                GPtrArray     *refs)
{
  g_autoptr(GPtrArray) notes = bc_case_find_annotations_about (self->case_, bc_item_get_id (item));
  GtkWidget *heading_box, *versions, *card;
  g_autofree char *evidence = format_evidence (self->case_, refs);

  heading_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  add_label (heading_box, _("Contested: the accounts side by side"), "heading");

  versions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (versions), TRUE);
  gtk_widget_add_css_class (versions, "reading-versions");
  gtk_accessible_update_property (GTK_ACCESSIBLE (versions),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Versions of a contested fact"),
                                  -1);

  card = add_card (versions);
  add_label (card, _("The case’s account"), "heading");
  add_label (card, account != NULL && account[0] != '\0' ? account : _("No description."), NULL);
  add_label (card, evidence != NULL ? evidence : _("No source cited."), "dim-label");

  for (guint i = 0; i < notes->len; i++)
    {
      BcAnnotation *note = g_ptr_array_index (notes, i);
      g_autofree char *by = NULL;
      g_autofree char *day = g_strndup (bc_annotation_get_created (note), 10);
      g_autofree char *when = NULL;
      BcDate date;

      card = add_card (versions);
      /* Translators: the author of an annotation that gives another
       * version of a contested fact */
      by = g_strdup_printf (_("Note by %s"), bc_annotation_get_author (note));
      add_label (card, by, "heading");
      add_label (card, bc_annotation_get_text (note), NULL);
      if (bc_date_parse (day, &date, NULL))
        when = bc_narrative_format_date (date);
      add_label (card, when != NULL ? when : bc_annotation_get_created (note), "dim-label");
    }

  gtk_box_append (GTK_BOX (heading_box), versions);
  g_object_set_data (G_OBJECT (heading_box), "versions", versions);
  return heading_box;
}

static char *
source_pages (BcCase   *kase,
              BcSource *source)
{
  const char *id = bc_item_get_id (BC_ITEM (source));
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  guint n_cited = 0;
  GListModel *sections[] = { bc_case_get_events (kase), bc_case_get_transfers (kase), bc_case_get_actors (kase) };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    for (guint i = 0; i < g_list_model_get_n_items (sections[s]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (sections[s], i);
        GPtrArray *refs;

        if (BC_IS_EVENT (item))
          refs = bc_event_get_sources (BC_EVENT (item));
        else if (BC_IS_TRANSFER (item))
          refs = bc_transfer_get_sources (BC_TRANSFER (item));
        else
          refs = bc_actor_get_sources (BC_ACTOR (item));

        for (guint r = 0; refs != NULL && r < refs->len; r++)
          {
            BcSourceRef *ref = g_ptr_array_index (refs, r);

            if (g_strcmp0 (ref->ref, id) != 0)
              continue;
            n_cited++;
            if (ref->pages != NULL && ref->pages[0] != '\0' &&
                !g_ptr_array_find_with_equal_func (pages, ref->pages, g_str_equal, NULL))
              g_ptr_array_add (pages, ref->pages);
          }
      }

  g_string_printf (out, g_dngettext (GETTEXT_PACKAGE, "Cited %u time", "Cited %u times", n_cited), n_cited);
  if (pages->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (pages, NULL);
      joined = g_strjoinv (", ", (char **) pages->pdata);

      /* Translators: after "Cited 3 times": the pages cited */
      g_string_append_printf (out, _(", pages %s"), joined);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Fills @row from its item; the row itself stays, so that focus and
 * selection survive an edit. */
static void
fill_row (BcReadingView *self,
          GtkListBoxRow *row)
{
  RowInfo *info = row_info (row);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  info->versions = NULL;

  if (info->item == NULL)
    {
      add_label (box, bc_case_get_title (self->case_), "title-2");
      add_label (box, bc_case_get_summary (self->case_), NULL);
      accessible = g_strdup (bc_case_get_title (self->case_));
      info->section = SECTION_CASE;
    }
  else if (BC_IS_EVENT (info->item))
    {
      BcEvent *event = BC_EVENT (info->item);
      BcTrack track = bc_event_get_track (event);
      g_autofree char *when = bc_narrative_format_when (bc_event_get_date (event),
                                                        bc_event_get_end (event),
                                                        bc_event_get_certainty (event));
      g_autofree char *where = NULL;
      g_autofree char *who = bc_narrative_participants (self->case_, event);
      g_autofree char *with = NULL;
      g_autofree char *evidence = format_evidence (self->case_, bc_event_get_sources (event));
      const char *place = bc_event_get_place (event);

      if (place != NULL && place[0] != '\0')
        /* Translators: an event's date, track and place,
         * "June 1993 · Track 2 (Professional / nongovernmental) · Oslo" */
        where = g_strdup_printf (_("%s · %s (%s) · %s"), when, bc_track_get_label (track),
                                 bc_track_get_name (track), place);
      else
        /* Translators: an event's date and track */
        where = g_strdup_printf (_("%s · %s (%s)"), when, bc_track_get_label (track),
                                 bc_track_get_name (track));

      add_label (box, bc_event_get_title (event), "title-4");
      add_label (box, where, "dim-label");
      if (who[0] != '\0')
        {
          /* Translators: who took part in an event */
          with = g_strdup_printf (_("Taking part: %s"), who);
          add_label (box, with, NULL);
        }
      if (bc_narrative_is_contested (info->item))
        {
          GtkWidget *contested = build_versions (self, info->item, bc_event_get_description (event),
                                                 bc_event_get_sources (event));

          info->versions = g_object_get_data (G_OBJECT (contested), "versions");
          gtk_box_append (GTK_BOX (box), contested);
        }
      else
        {
          add_label (box, bc_event_get_description (event), NULL);
          add_label (box, evidence, "dim-label");
        }

      /* Translators: how a screen reader names an event's paragraph:
       * its title and its date */
      accessible = g_strdup_printf (_("%s, %s"), bc_event_get_title (event), when);
      info->section = SECTION_STORY;
      info->day = bc_event_get_first_day (event);
      info->last_day = bc_event_get_last_day (event);
      info->kind = 0;
    }
  else if (BC_IS_TRANSFER (info->item))
    {
      BcTransfer *transfer = BC_TRANSFER (info->item);
      g_autofree char *sentence = bc_narrative_transfer_sentence (self->case_, transfer);
      g_autofree char *evidence = format_evidence (self->case_, bc_transfer_get_sources (transfer));
      g_autofree char *title = NULL;

      /* Translators: the heading of a transfer's paragraph */
      title = g_strdup_printf (_("Transfer: %s"), bc_transfer_get_title (transfer));
      add_label (box, title, "heading");
      add_label (box, sentence, NULL);
      if (bc_narrative_is_contested (info->item))
        {
          GtkWidget *contested = build_versions (self, info->item, bc_transfer_get_description (transfer),
                                                 bc_transfer_get_sources (transfer));

          info->versions = g_object_get_data (G_OBJECT (contested), "versions");
          gtk_box_append (GTK_BOX (box), contested);
        }
      else
        {
          add_label (box, bc_transfer_get_description (transfer), NULL);
          add_label (box, evidence, "dim-label");
        }

      accessible = g_strdup_printf (_("%s, %s"), title, sentence);
      gtk_widget_add_css_class (box, "reading-transfer");
      info->section = SECTION_STORY;
      info->day = bc_narrative_transfer_day (self->case_, transfer);
      info->last_day = info->day;
      info->kind = 1;
    }
  else if (BC_IS_SOURCE (info->item))
    {
      BcSourceRef ref = { (char *) bc_item_get_id (info->item), NULL };
      g_autofree char *citation = bc_narrative_format_citation (self->case_, &ref);
      g_autofree char *cited = source_pages (self->case_, BC_SOURCE (info->item));

      add_label (box, citation, NULL);
      add_label (box, cited, "dim-label");
      add_label (box, bc_source_get_url (BC_SOURCE (info->item)), "dim-label");
      accessible = g_steal_pointer (&citation);
      info->section = SECTION_SOURCES;
    }

  gtk_list_box_row_set_child (row, box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static GtkListBoxRow *
add_row (BcReadingView *self,
         BcItem        *item)
{
  GtkListBoxRow *row = GTK_LIST_BOX_ROW (gtk_list_box_row_new ());
  RowInfo *info = g_new0 (RowInfo, 1);

  info->item = item != NULL ? g_object_ref (item) : NULL;
  g_object_set_data_full (G_OBJECT (row), row_info_key, info, (GDestroyNotify) row_info_free);
  fill_row (self, row);
  if (item == NULL)
    {
      gtk_list_box_row_set_selectable (row, FALSE);
      gtk_list_box_row_set_activatable (row, FALSE);
    }
  else
    g_hash_table_insert (self->rows, item, row);
  gtk_list_box_append (self->list, GTK_WIDGET (row));
  return row;
}

static void
add_section (BcReadingView *self,
             GListModel    *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BcItem) item = g_list_model_get_item (model, i);

      add_row (self, item);
    }
}

static void
refresh_row (BcReadingView *self,
             gpointer       item)
{
  GtkListBoxRow *row = g_hash_table_lookup (self->rows, item);

  if (row != NULL)
    fill_row (self, row);
}

/* Rows that depend on every item: the sources' counts of citations. */
static void
refresh_kind (BcReadingView *self,
              GType          type)
{
  GHashTableIter iter;
  gpointer item, row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &item, &row))
    if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
      fill_row (self, row);
}

static void
rebuild (BcReadingView *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->rows);
  self->case_row = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->case_ == NULL)
    return;

  self->case_row = add_row (self, NULL);
  add_section (self, bc_case_get_events (self->case_));
  add_section (self, bc_case_get_transfers (self->case_));
  add_section (self, bc_case_get_sources (self->case_));
}

static gboolean
scroll_to_selected (gpointer data)
{
  BcReadingView *self = data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  graphene_rect_t bounds;

  self->scroll_id = 0;
  if (row == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
    return G_SOURCE_REMOVE;

  /* Only when it is out of sight, and then near the top, where reading
   * goes on from. */
  if (bounds.origin.y < gtk_adjustment_get_value (adj) ||
      bounds.origin.y + bounds.size.height > gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj))
    gtk_adjustment_set_value (adj, bounds.origin.y - 12);
  return G_SOURCE_REMOVE;
}

static void
show_selection (BcReadingView *self)
{
  BcItem *item = self->view_state != NULL ? bc_view_state_get_selection (self->view_state) : NULL;
  GtkListBoxRow *row = item != NULL ? g_hash_table_lookup (self->rows, item) : NULL;

  self->syncing = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
  else
    gtk_list_box_unselect_all (self->list);
  self->syncing = FALSE;

  /* After the next layout, which an edit may just have changed. */
  if (row != NULL && self->scroll_id == 0)
    self->scroll_id = g_idle_add_full (G_PRIORITY_LOW, scroll_to_selected, self, NULL);
}

/* Callbacks */

static void
case_changed (BcCase        *case_,
              BcChangeKind   kind,
              GObject       *object,
              const char    *detail,
              BcReadingView *self)
{
  if (BC_IS_ANNOTATION (object))
    {
      /* A note about an item may be a version of a contested fact. */
      refresh_kind (self, BC_TYPE_EVENT);
      refresh_kind (self, BC_TYPE_TRANSFER);
    }
  else if (object == G_OBJECT (case_))
    {
      if (self->case_row != NULL)
        fill_row (self, self->case_row);
    }
  else if (kind == BC_CHANGE_ADDED &&
           (BC_IS_EVENT (object) || BC_IS_TRANSFER (object) || BC_IS_SOURCE (object)))
    add_row (self, BC_ITEM (object));
  else if (kind == BC_CHANGE_REMOVED)
    {
      GtkListBoxRow *row = g_hash_table_lookup (self->rows, object);

      if (row != NULL)
        {
          g_hash_table_remove (self->rows, object);
          gtk_list_box_remove (self->list, GTK_WIDGET (row));
        }
    }
  else if (BC_IS_EVENT (object))
    {
      /* Its title and track are in the sentences of its transfers. */
      GListModel *transfers = bc_case_get_transfers (case_);

      refresh_row (self, object);
      for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
        {
          g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
          const char *id = bc_item_get_id (BC_ITEM (object));

          if (g_strcmp0 (bc_transfer_get_from (transfer), id) == 0 ||
              g_strcmp0 (bc_transfer_get_to (transfer), id) == 0)
            refresh_row (self, transfer);
        }
    }
  else if (BC_IS_TRANSFER (object))
    refresh_row (self, object);
  else if (BC_IS_ACTOR (object) || BC_IS_SOURCE (object))
    {
      /* Names and citations are told in every paragraph. */
      refresh_kind (self, BC_TYPE_EVENT);
      refresh_kind (self, BC_TYPE_TRANSFER);
    }

  refresh_kind (self, BC_TYPE_SOURCE);
  gtk_list_box_invalidate_sort (self->list);
  gtk_list_box_invalidate_headers (self->list);
  show_selection (self);
}

static void
set_case (BcReadingView *self,
          BcCase        *case_)
{
  if (self->case_ == case_)
    return;

  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_data (self->case_, self);
  g_set_object (&self->case_, case_);
  if (case_ != NULL)
    g_signal_connect_object (case_, "changed", G_CALLBACK (case_changed), self, 0);
  rebuild (self);
  show_selection (self);
}

static void
view_state_case_changed (BcViewState   *view_state,
                         GParamSpec    *pspec,
                         BcReadingView *self)
{
  set_case (self, bc_view_state_get_case (view_state));
}

static void
view_state_selection_changed (BcViewState   *view_state,
                              GParamSpec    *pspec,
                              BcReadingView *self)
{
  show_selection (self);
}

static void
row_selected (GtkListBox    *list,
              GtkListBoxRow *row,
              BcReadingView *self)
{
  if (self->syncing || row == NULL || self->view_state == NULL)
    return;
  bc_view_state_set_selection (self->view_state, row_info (row)->item);
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       data)
{
  RowInfo *x = row_info (a), *y = row_info (b);

  if (x->section != y->section)
    return x->section < y->section ? -1 : 1;
  if (x->section == SECTION_STORY)
    {
      if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
      if (x->kind != y->kind)
        return x->kind - y->kind;
      if (x->last_day != y->last_day)
        return x->last_day < y->last_day ? -1 : 1;
    }
  if (x->item == NULL || y->item == NULL)
    return 0;
  return g_strcmp0 (bc_item_get_id (x->item), bc_item_get_id (y->item));
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 18);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

/* A heading for each year of the story, and one before the sources. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       data)
{
  RowInfo *info = row_info (row);
  RowInfo *prev = before != NULL ? row_info (before) : NULL;

  if (info->section == SECTION_SOURCES && (prev == NULL || prev->section != SECTION_SOURCES))
    gtk_list_box_row_set_header (row, heading (_("Sources")));
  else if (info->section == SECTION_STORY && info->day != 0)
    {
      guint year = bc_date_from_julian (info->day, BC_DATE_PRECISION_YEAR).year;

      if (prev == NULL || prev->section != SECTION_STORY ||
          bc_date_from_julian (prev->day, BC_DATE_PRECISION_YEAR).year != year)
        {
          g_autofree char *text = g_strdup_printf ("%u", year);

          gtk_list_box_row_set_header (row, heading (text));
        }
      else
        gtk_list_box_row_set_header (row, NULL);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

/* GObject */

static void
bc_reading_view_dispose (GObject *object)
{
  BcReadingView *self = BC_READING_VIEW (object);

  g_clear_handle_id (&self->scroll_id, g_source_remove);
  bc_reading_view_set_view_state (self, NULL);
  set_case (self, NULL);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (bc_reading_view_parent_class)->dispose (object);
}

static void
bc_reading_view_finalize (GObject *object)
{
  BcReadingView *self = BC_READING_VIEW (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (bc_reading_view_parent_class)->finalize (object);
}

static void
bc_reading_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BcReadingView *self = BC_READING_VIEW (object);

  switch (prop_id)
    {
    case PROP_VIEW_STATE:
      g_value_set_object (value, self->view_state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_reading_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BcReadingView *self = BC_READING_VIEW (object);

  switch (prop_id)
    {
    case PROP_VIEW_STATE:
      bc_reading_view_set_view_state (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_reading_view_class_init (BcReadingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bc_reading_view_dispose;
  object_class->finalize = bc_reading_view_finalize;
  object_class->get_property = bc_reading_view_get_property;
  object_class->set_property = bc_reading_view_set_property;

  properties[PROP_VIEW_STATE] = g_param_spec_object ("view-state", NULL, NULL, BC_TYPE_VIEW_STATE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bcreadingview");
}

static void
bc_reading_view_init (BcReadingView *self)
{
  self->rows = g_hash_table_new (NULL, NULL);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_sort_func (self->list, sort_rows, NULL, NULL);
  gtk_list_box_set_header_func (self->list, update_header, NULL, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "background");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reading: the case in order"),
                                  -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected), self);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
bc_reading_view_new (void)
{
  return g_object_new (BC_TYPE_READING_VIEW, NULL);
}

BcViewState *
bc_reading_view_get_view_state (BcReadingView *self)
{
  g_return_val_if_fail (BC_IS_READING_VIEW (self), NULL);
  return self->view_state;
}

/**
 * bc_reading_view_set_view_state:
 * @self: a reading view
 * @view_state: (nullable): the case and selection to show and share
 */
void
bc_reading_view_set_view_state (BcReadingView *self,
                                BcViewState   *view_state)
{
  g_return_if_fail (BC_IS_READING_VIEW (self));

  if (self->view_state == view_state)
    return;

  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);
  g_set_object (&self->view_state, view_state);
  if (view_state != NULL)
    {
      g_signal_connect_object (view_state, "notify::case", G_CALLBACK (view_state_case_changed), self, 0);
      g_signal_connect_object (view_state, "notify::selection", G_CALLBACK (view_state_selection_changed), self, 0);
    }
  set_case (self, view_state != NULL ? bc_view_state_get_case (view_state) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_STATE]);
}

GtkListBox *
_bc_reading_view_get_list (BcReadingView *self)
{
  return self->list;
}

BcItem *
_bc_reading_view_row_get_item (GtkListBoxRow *row)
{
  RowInfo *info = row_info (row);

  return info != NULL ? info->item : NULL;
}

GtkListBoxRow *
_bc_reading_view_find_row (BcReadingView *self,
                           BcItem        *item)
{
  return g_hash_table_lookup (self->rows, item);
}

GtkWidget *
_bc_reading_view_get_versions (BcReadingView *self,
                               BcItem        *item)
{
  GtkListBoxRow *row = g_hash_table_lookup (self->rows, item);

  return row != NULL ? row_info (row)->versions : NULL;
}
