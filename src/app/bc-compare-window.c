/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-compare-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bc-bundled.h"
#include "bc-compare-window.h"
#include "bc-compat.h"
#include "bc-layout.h"
#include "bc-measures.h"
#include "bc-narrative.h"
#include "bc-painter.h"
#include "bc-reader.h"

/* Two cases held against each other: their measures of complementarity
 * in one table, a column per case, and their lanes drawn by the one
 * layout and painter at one scale, on a time axis relative to an event
 * of each (the first by default, or the signing), so that "six months
 * before the agreement" lines up in both. */

#define AXIS_HEIGHT 36.0
/* Above each case's lanes, its title: the lanes are laid out without
 * their title block and legend, which would repeat for each case. */
#define CASE_HEADING 30.0
#define DAYS_PER_MONTH 30.436875

struct _BcCompareWindow
{
  AdwWindow       parent_instance;

  BcCase         *cases[2];
  BcMeasures     *measures[2];
  BcLayout       *layouts[2];
  double          dx[2];          /* where each layout is drawn */
  double          dy[2];
  char           *anchors[2];     /* event ids */
  double          laid_out_width;

  GtkDropDown    *other_dropdown;
  GtkDropDown    *anchor_dropdowns[2];
  GPtrArray      *anchor_ids[2];  /* the dropdowns' event ids */
  GPtrArray      *bundled;        /* GFile */
  GtkGrid        *table;
  GHashTable     *cells;          /* "row\tcolumn" → GtkLabel */
  GtkDrawingArea *lanes;
  GtkLabel       *error_label;
  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (BcCompareWindow, bc_compare_window, ADW_TYPE_WINDOW)

/* Auxiliary functions */

static BcEvent *
first_event (BcCase *kase)
{
  GListModel *events = bc_case_get_events (kase);
  BcEvent *first = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);

      if (bc_event_get_first_day (event) != 0 &&
          (first == NULL || bc_event_get_first_day (event) < bc_event_get_first_day (first)))
        first = event;
    }
  return first;
}

static guint32
anchor_day (BcCompareWindow *self,
            guint            column)
{
  BcEvent *event = NULL;

  if (self->anchors[column] != NULL)
    event = bc_case_lookup_event (self->cases[column], self->anchors[column]);
  if (event == NULL)
    event = first_event (self->cases[column]);
  return event != NULL ? bc_event_get_first_day (event) : 0;
}

static void
clear_layouts (BcCompareWindow *self)
{
  g_clear_pointer (&self->layouts[0], bc_layout_free);
  g_clear_pointer (&self->layouts[1], bc_layout_free);
  self->laid_out_width = 0;
}

/* Both cases on one axis: each spans as far before and after its anchor
 * as the longer of the two, so the two layouts of one width share their
 * pixels per day, and each is shifted so that its anchor falls on the
 * same x. */
static void
lay_out (BcCompareWindow *self,
         double           width)
{
  guint32 before = 0, after = 0, anchor[2];
  double y = AXIS_HEIGHT;

  if (self->laid_out_width == width && self->layouts[0] != NULL)
    return;
  clear_layouts (self);
  if (self->cases[0] == NULL || self->cases[1] == NULL)
    return;

  for (guint i = 0; i < 2; i++)
    {
      guint32 first, last;

      anchor[i] = anchor_day (self, i);
      if (!bc_case_get_time_span (self->cases[i], &first, &last) || anchor[i] == 0)
        return;
      before = MAX (before, anchor[i] > first ? anchor[i] - first : 0);
      after = MAX (after, last > anchor[i] ? last - anchor[i] : 0);
    }

  for (guint i = 0; i < 2; i++)
    {
      BcLayoutOptions options;

      bc_layout_options_init (&options);
      options.view = BC_VIEW_LANES;
      options.time_scale = BC_TIME_SCALE_PROPORTIONAL;
      options.tracks = BC_ALL_TRACKS;
      options.first_day = anchor[i] - before;
      options.last_day = anchor[i] + after + 1;
      options.width = width;
      options.frame = FALSE;
      self->layouts[i] = bc_layout_new (self->cases[i], &options);
    }

  for (guint i = 0; i < 2; i++)
    {
      self->dx[i] = bc_layout_day_to_x (self->layouts[0], anchor[0]) -
                    bc_layout_day_to_x (self->layouts[i], anchor[i]);
      y += CASE_HEADING;
      self->dy[i] = y;
      y += self->layouts[i]->height;
    }
  self->laid_out_width = width;
  gtk_drawing_area_set_content_height (self->lanes, (int) ceil (y));
}

/* The window's style: the lanes, their headings and the axis follow it. */
static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
draw_axis (BcCompareWindow *self,
           cairo_t         *cr,
           int              width)
{
  BcLayout *layout = self->layouts[0];
  double origin = bc_layout_day_to_x (layout, anchor_day (self, 0)) + self->dx[0];
  double per_month = (bc_layout_day_to_x (layout, anchor_day (self, 0) + 365.2425) -
                      bc_layout_day_to_x (layout, anchor_day (self, 0))) / 12.0;
  int step = per_month * 3 >= 40 ? 3 : per_month * 6 >= 40 ? 6 : 12;
  int lo = (int) floor (-origin / per_month), hi = (int) ceil ((width - origin) / per_month);
  PangoLayout *text = pango_cairo_create_layout (cr);
  double ink = is_dark () ? 0.85 : 0.2;

  cairo_set_source_rgb (cr, ink, ink, ink);
  cairo_set_line_width (cr, 1);
  for (int m = lo - lo % step; m <= hi; m += step)
    {
      double x = origin + m * per_month;
      g_autofree char *label = NULL;
      int tw, th;

      if (x < 0 || x > width)
        continue;
      cairo_move_to (cr, floor (x) + 0.5, AXIS_HEIGHT - (m == 0 ? 14 : 8));
      cairo_line_to (cr, floor (x) + 0.5, AXIS_HEIGHT);
      cairo_stroke (cr);
      if (m == 0)
        /* Translators: the origin of the comparison's time axis */
        label = g_strdup (_("0 months"));
      else if (m < 0)
        /* Translators: months before the origin, with a minus sign */
        label = g_strdup_printf (_("−%d"), -m);
      else
        /* Translators: months after the origin */
        label = g_strdup_printf (_("+%d"), m);
      pango_layout_set_text (text, label, -1);
      pango_layout_get_pixel_size (text, &tw, &th);
      cairo_move_to (cr, CLAMP (x - tw / 2.0, 2, width - tw - 2), 2);
      pango_cairo_show_layout (cr, text);
    }
  /* The origin runs down through both cases. */
  cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.6);
  cairo_move_to (cr, floor (origin) + 0.5, AXIS_HEIGHT);
  cairo_line_to (cr, floor (origin) + 0.5, gtk_widget_get_height (GTK_WIDGET (self->lanes)));
  cairo_stroke (cr);
  g_object_unref (text);
}

/* The case's title over its lanes, in the lanes' colours. */
static void
draw_heading (BcCompareWindow *self,
              cairo_t         *cr,
              guint            i,
              int              width)
{
  PangoLayout *text = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 11");
  double top = self->dy[i] - CASE_HEADING;
  int th;

  gboolean dark = is_dark ();

  cairo_save (cr);
  if (dark)
    cairo_set_source_rgb (cr, 0.16, 0.16, 0.18);
  else
    cairo_set_source_rgb (cr, 0.975, 0.975, 0.98);
  cairo_rectangle (cr, 0, top, width, CASE_HEADING);
  cairo_fill (cr);
  pango_layout_set_font_description (text, font);
  pango_layout_set_text (text, bc_case_get_title (self->cases[i]), -1);
  pango_layout_set_width (text, (width - 24) * PANGO_SCALE);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (text, NULL, &th);
  if (dark)
    cairo_set_source_rgb (cr, 0.93, 0.93, 0.95);
  else
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  cairo_move_to (cr, 12, top + (CASE_HEADING - th) / 2);
  pango_cairo_show_layout (cr, text);
  cairo_restore (cr);
  pango_font_description_free (font);
  g_object_unref (text);
}

static void
draw_lanes (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  BcCompareWindow *self = data;
  BcPaintOptions options;

  lay_out (self, width);
  if (self->layouts[0] == NULL)
    return;

  bc_paint_options_init (&options);
  options.background = TRUE;
  options.theme = is_dark () ? BC_THEME_DARK : BC_THEME_LIGHT;
  for (guint i = 0; i < 2; i++)
    {
      BcRect viewport = { -self->dx[i], 0, width, self->layouts[i]->height };

      draw_heading (self, cr, i, width);
      cairo_save (cr);
      cairo_translate (cr, self->dx[i], self->dy[i]);
      cairo_rectangle (cr, -self->dx[i], 0, width, self->layouts[i]->height);
      cairo_clip (cr);
      bc_painter_paint (self->layouts[i], cr, &viewport, &options);
      cairo_restore (cr);
    }
  draw_axis (self, cr, width);
}

static void
set_cell (BcCompareWindow *self,
          int              row,
          const char      *key,
          const char      *label,
          guint            column,
          const char      *value)
{
  g_autofree char *cell_key = g_strdup_printf ("%s\t%u", key, column);
  GtkWidget *text;

  if (column == 0)
    {
      GtkWidget *name = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_grid_attach (self->table, name, 0, row, 1, 1);
    }
  text = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (text), 1);
  gtk_widget_add_css_class (text, "numeric");
  gtk_grid_attach (self->table, text, 1 + column, row, 1, 1);
  g_hash_table_insert (self->cells, g_steal_pointer (&cell_key), text);
}

static char *
format_days (const BcSpanSummary *s)
{
  if (s == NULL || s->n == 0)
    return g_strdup ("—");
  /* Translators: a median lag, "42 days (n = 5)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.0f day (n = %u)", "%.0f days (n = %u)",
                                       (gulong) fabs (round (s->median_days)) == 1 ? 1 : 2),
                          s->median_days, s->n);
}

static void
fill_counts (BcCompareWindow *self,
             int             *row,
             const char      *prefix,
             guint            offset)
{
  GPtrArray *counts0 = *(GPtrArray **) ((char *) self->measures[0] + offset);

  for (guint i = 0; i < counts0->len; i++)
    {
      BcCount *c0 = g_ptr_array_index (counts0, i);
      g_autofree char *key = g_strconcat (prefix, c0->key, NULL);

      for (guint col = 0; col < 2; col++)
        {
          GPtrArray *counts = *(GPtrArray **) ((char *) self->measures[col] + offset);
          BcCount *c = i < counts->len ? g_ptr_array_index (counts, i) : NULL;
          g_autofree char *value = g_strdup_printf ("%u", c != NULL ? c->count : 0);

          set_cell (self, *row, key, c0->label, col, value);
        }
      (*row)++;
    }
}

static void
heading_row (BcCompareWindow *self,
             int             *row,
             const char      *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 8);
  gtk_grid_attach (self->table, label, 0, (*row)++, 3, 1);
}

static void
fill_table (BcCompareWindow *self)
{
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  g_hash_table_remove_all (self->cells);
  if (self->measures[0] == NULL || self->measures[1] == NULL)
    return;

  for (guint col = 0; col < 2; col++)
    {
      GtkWidget *title = gtk_label_new (bc_case_get_title (self->cases[col]));

      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
      gtk_widget_add_css_class (title, "heading");
      gtk_grid_attach (self->table, title, 1 + col, 0, 1, 1);
    }

  for (guint col = 0; col < 2; col++)
    {
      g_autofree char *n = g_strdup_printf ("%u", self->measures[col]->n_transfers);
      set_cell (self, row, "transfers", _("Transfers"), col, n);
    }
  row++;

  heading_row (self, &row, _("By mechanism"));
  fill_counts (self, &row, "mechanism:", G_STRUCT_OFFSET (BcMeasures, by_mechanism));
  heading_row (self, &row, _("By direction"));
  fill_counts (self, &row, "direction:", G_STRUCT_OFFSET (BcMeasures, by_direction));
  heading_row (self, &row, _("By status"));
  fill_counts (self, &row, "status:", G_STRUCT_OFFSET (BcMeasures, by_status));

  heading_row (self, &row, _("Lags"));
  for (guint col = 0; col < 2; col++)
    {
      GPtrArray *summary = self->measures[col]->uptake_summary;
      g_autofree char *lag = format_days (summary->len > 0 ? g_ptr_array_index (summary, 0) : NULL);
      g_autofree char *secret = format_days (self->measures[col]->disclosure_summary);

      set_cell (self, row, "uptake-lag", _("Median lag to official uptake"), col, lag);
      set_cell (self, row + 1, "disclosure-lag", _("Median time a secret stayed secret"), col, secret);
    }
  row += 2;

  heading_row (self, &row, _("Carriers"));
  for (guint col = 0; col < 2; col++)
    {
      GPtrArray *carriers = self->measures[col]->carriers;
      g_autofree char *n = g_strdup_printf ("%u", carriers->len);
      g_autofree char *top = NULL;

      if (carriers->len > 0)
        {
          BcCarrier *c = g_ptr_array_index (carriers, 0);

          /* Translators: the carrier of most transfers and how many */
          top = g_strdup_printf (_("%s (%u)"), c->name, c->transfers);
        }
      set_cell (self, row, "carriers", _("Actors who carried a transfer"), col, n);
      set_cell (self, row + 1, "top-carrier", _("Carried most"), col, top != NULL ? top : "—");
    }
}

static void
fill_anchor_dropdown (BcCompareWindow *self,
                      guint            column)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GListModel *events = bc_case_get_events (self->cases[column]);

  g_clear_pointer (&self->anchor_ids[column], g_ptr_array_unref);
  self->anchor_ids[column] = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (strings, _("First event"));
  g_ptr_array_add (self->anchor_ids[column], NULL);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = bc_narrative_format_date (bc_event_get_date (event));
      g_autofree char *text = g_strdup_printf ("%s — %s", date, bc_event_get_title (event));

      gtk_string_list_append (strings, text);
      g_ptr_array_add (self->anchor_ids[column], g_strdup (bc_item_get_id (BC_ITEM (event))));
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->anchor_dropdowns[column], G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->anchor_dropdowns[column], 0);
  self->syncing = FALSE;
}

static void
set_case (BcCompareWindow *self,
          guint            column,
          BcCase          *kase)
{
  g_set_object (&self->cases[column], kase);
  g_clear_pointer (&self->measures[column], bc_measures_free);
  g_clear_pointer (&self->anchors[column], g_free);
  self->measures[column] = bc_measures_new (kase, FALSE);
  fill_anchor_dropdown (self, column);
  clear_layouts (self);
  fill_table (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->lanes));
}

/* Callbacks */

static void
anchor_selected (GtkDropDown     *dropdown,
                 GParamSpec      *pspec,
                 BcCompareWindow *self)
{
  guint column = dropdown == self->anchor_dropdowns[0] ? 0 : 1;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || self->anchor_ids[column] == NULL || selected >= self->anchor_ids[column]->len)
    return;
  g_free (self->anchors[column]);
  self->anchors[column] = g_strdup (g_ptr_array_index (self->anchor_ids[column], selected));
  clear_layouts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->lanes));
}

static void
other_selected (GtkDropDown     *dropdown,
                GParamSpec      *pspec,
                BcCompareWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(BcCase) other = NULL;
  g_autoptr(GError) error = NULL;

  if (self->syncing || selected >= self->bundled->len)
    return;
  other = bc_case_read_file (g_ptr_array_index (self->bundled, selected), NULL, NULL, &error);
  if (other == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  set_case (self, 1, other);
}

static void
other_file_chosen (GFile    *file,
                   gpointer  data)
{
  g_autoptr(BcCompareWindow) self = data;
  g_autoptr(BcCase) other = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  other = bc_case_read_file (file, NULL, NULL, &error);
  gtk_label_set_text (self->error_label, other == NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), other == NULL);
  if (other == NULL)
    return;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->other_dropdown, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
  set_case (self, 1, other);
}

static void
open_other_clicked (GtkButton       *button,
                    BcCompareWindow *self)
{
  bc_compat_choose_case_file (GTK_WINDOW (self), other_file_chosen, g_object_ref (self));
}

/* GObject */

static void
bc_compare_window_dispose (GObject *object)
{
  BcCompareWindow *self = BC_COMPARE_WINDOW (object);

  clear_layouts (self);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&self->measures[i], bc_measures_free);
      g_clear_object (&self->cases[i]);
      g_clear_pointer (&self->anchors[i], g_free);
      g_clear_pointer (&self->anchor_ids[i], g_ptr_array_unref);
    }
  g_clear_pointer (&self->bundled, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);

  G_OBJECT_CLASS (bc_compare_window_parent_class)->dispose (object);
}

static void
bc_compare_window_class_init (BcCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_compare_window_dispose;
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return box;
}

static void
bc_compare_window_init (BcCompareWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *table_scroll = gtk_scrolled_window_new ();
  GtkWidget *lanes_scroll = gtk_scrolled_window_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Compare Cases"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 760);
  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());

  self->bundled = bc_bundled_list_cases ();
  for (guint i = 0; i < self->bundled->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (self->bundled, i));

      if (g_str_has_suffix (name, ".bcase"))
        name[strlen (name) - strlen (".bcase")] = '\0';
      gtk_string_list_append (names, name);
    }
  self->other_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_drop_down_set_selected (self->other_dropdown, GTK_INVALID_LIST_POSITION);
  g_signal_connect (self->other_dropdown, "notify::selected", G_CALLBACK (other_selected), self);
  for (guint i = 0; i < 2; i++)
    {
      self->anchor_dropdowns[i] = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
      g_signal_connect (self->anchor_dropdowns[i], "notify::selected", G_CALLBACK (anchor_selected), self);
    }

  gtk_widget_set_margin_start (controls, 12);
  gtk_widget_set_margin_end (controls, 12);
  gtk_widget_set_margin_top (controls, 6);
  gtk_widget_set_margin_bottom (controls, 6);
  gtk_box_append (GTK_BOX (controls), labelled (_("Compare _with"), GTK_WIDGET (self->other_dropdown)));
  {
    GtkWidget *open = gtk_button_new_with_mnemonic (_("Open _File…"));

    g_signal_connect (open, "clicked", G_CALLBACK (open_other_clicked), self);
    gtk_box_append (GTK_BOX (controls), open);
  }
  gtk_box_append (GTK_BOX (controls), labelled (_("_Align this case on"), GTK_WIDGET (self->anchor_dropdowns[0])));
  gtk_box_append (GTK_BOX (controls), labelled (_("the other _on"), GTK_WIDGET (self->anchor_dropdowns[1])));
  gtk_box_append (GTK_BOX (content), controls);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));

  self->table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->table, 24);
  gtk_grid_set_row_spacing (self->table, 4);
  gtk_widget_set_margin_start (GTK_WIDGET (self->table), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->table), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->table), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Measures of both cases"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scroll), GTK_WIDGET (self->table));
  gtk_widget_set_size_request (table_scroll, -1, 200);

  self->lanes = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_draw_func (self->lanes, draw_lanes, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->lanes, G_CONNECT_SWAPPED);
  gtk_widget_set_hexpand (GTK_WIDGET (self->lanes), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lanes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Lanes of both cases on relative time"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (lanes_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (lanes_scroll), GTK_WIDGET (self->lanes));
  gtk_widget_set_size_request (lanes_scroll, -1, 200);

  gtk_paned_set_start_child (GTK_PANED (paned), table_scroll);
  gtk_paned_set_end_child (GTK_PANED (paned), lanes_scroll);
  gtk_paned_set_position (GTK_PANED (paned), 300);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (content), paned);
  adw_window_set_content (ADW_WINDOW (self), content);
}

/* Public API */

/**
 * bc_compare_window_new:
 * @parent: the window of @kase
 * @kase: the case to compare
 *
 * Returns: (transfer none): a window that compares @kase with a case
 *   picked in it
 */
BcCompareWindow *
bc_compare_window_new (GtkWindow *parent,
                       BcCase    *kase)
{
  BcCompareWindow *self = g_object_new (BC_TYPE_COMPARE_WINDOW, "transient-for", parent, NULL);

  g_return_val_if_fail (BC_IS_CASE (kase), NULL);
  set_case (self, 0, kase);

  /* Something to compare at once: the first bundled case that is not
   * this one, as the user would likely pick. */
  for (guint i = 0; i < self->bundled->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (self->bundled, i));

      if (strncmp (name, bc_case_get_id (kase), strcspn (name, ".")) != 0)
        {
          gtk_drop_down_set_selected (self->other_dropdown, i);
          break;
        }
    }
  return self;
}

void
bc_compare_window_set_other (BcCompareWindow *self,
                             BcCase          *other)
{
  g_return_if_fail (BC_IS_COMPARE_WINDOW (self));
  g_return_if_fail (BC_IS_CASE (other));
  set_case (self, 1, other);
}

const char *
_bc_compare_window_get_cell (BcCompareWindow *self,
                             const char      *row,
                             guint            column)
{
  g_autofree char *key = g_strdup_printf ("%s\t%u", row, column);
  GtkLabel *label = g_hash_table_lookup (self->cells, key);

  return label != NULL ? gtk_label_get_text (label) : NULL;
}

gboolean
_bc_compare_window_set_anchor (BcCompareWindow *self,
                               guint            column,
                               const char      *event_id)
{
  for (guint i = 0; i < self->anchor_ids[column]->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->anchor_ids[column], i), event_id) == 0)
      {
        gtk_drop_down_set_selected (self->anchor_dropdowns[column], i);
        return TRUE;
      }
  return FALSE;
}

/* Where @julian_day of the case in @column is drawn, in the drawing's
 * coordinates, once it has been laid out. */
double
_bc_compare_window_get_day_x (BcCompareWindow *self,
                              guint            column,
                              guint32          julian_day)
{
  lay_out (self, gtk_widget_get_width (GTK_WIDGET (self->lanes)));
  if (self->layouts[column] == NULL)
    return NAN;
  return bc_layout_day_to_x (self->layouts[column], julian_day) + self->dx[column];
}

GtkWidget *
_bc_compare_window_get_lanes (BcCompareWindow *self)
{
  return GTK_WIDGET (self->lanes);
}
