/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-analysis-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "bc-actor.h"
#include "bc-analysis-pane.h"
#include "bc-chart.h"
#include "bc-compat.h"
#include "bc-event.h"
#include "bc-measures.h"
#include "bc-reader.h"
#include "bc-transfer.h"
#include "bc-writer.h"

/* The measures of complementarity of the case shown, as bc-measures
 * computes them (the pane only formats them), and a chart of them.
 * Every figure is a button: activating it selects the one item behind
 * it, or lists the items behind it in a popover to select from, since
 * the window's selection holds one item. The pane follows every edit,
 * recomputing once the edits of a main-loop turn are done. */

struct _BcAnalysisPane
{
  GtkWidget      parent_instance;

  BcCase        *case_;
  gboolean       documented_only;
  BcMeasures    *measures;
  BcChart       *chart;
  guint          update_id;
  gboolean       stale;        /* the case changed while the pane was hidden */
  GCancellable  *measuring;    /* the measures being worked out in a thread */
  guint          reveal_id;    /* tick callback that scrolls to the list */
  int            reveal_frames;
  GHashTable    *figures;      /* "measure\x1fkey" → GtkWidget, unowned */
  GtkWidget     *popover;      /* the list of a figure's items, while shown */
  GtkListBox    *item_list;

  /* Template widgets */
  GtkWidget     *box;
  GtkScrolledWindow *scrolled;
  GtkSwitch     *documented_switch;
  GtkBox        *figures_box;
  GtkDropDown   *chart_dropdown;
  GtkButton     *export_button;
  GtkDrawingArea *chart_area;
};

G_DEFINE_FINAL_TYPE (BcAnalysisPane, bc_analysis_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  PROP_DOCUMENTED_ONLY,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Auxiliary functions */

static BcTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? BC_THEME_DARK : BC_THEME_LIGHT;
}

static char *
describe_item (BcItem *item)
{
  if (BC_IS_TRANSFER (item))
    return g_strdup_printf (_("Transfer: %s"), bc_transfer_get_title (BC_TRANSFER (item)));
  if (BC_IS_EVENT (item))
    return g_strdup_printf (_("Event: %s"), bc_event_get_title (BC_EVENT (item)));
  if (BC_IS_ACTOR (item))
    return g_strdup_printf (_("Actor: %s"), bc_actor_get_name (BC_ACTOR (item)));
  return g_strdup (bc_item_get_id (item));
}

/* "517 to 881 days", or "36 days" when both dates are days. */
static char *
format_range (int min_days,
              int max_days)
{
  if (min_days == max_days)
    return g_strdup_printf (ngettext ("%d day", "%d days", ABS (max_days)), max_days);
  return g_strdup_printf (_("%d to %d days"), min_days, max_days);
}

/* How precisely a span of days is known, from the width of its range:
 * exact when both dates are days, within a month or two when one is a
 * month, wider when one is only a year. */
typedef enum
{
  PRECISION_DAY,
  PRECISION_MONTH,
  PRECISION_YEAR,
} Precision;

#define DAYS_PER_MONTH 30.436875
#define DAYS_PER_YEAR  365.2425

static Precision
span_precision (int min_days,
                int max_days)
{
  int width = max_days - min_days;

  if (width <= 0)
    return PRECISION_DAY;
  if (width <= 62)
    return PRECISION_MONTH;
  return PRECISION_YEAR;
}

/* The coarsest precision of the spans of @spans that are in @items. */
static Precision
coarsest_precision (GPtrArray *spans,
                    GPtrArray *items)
{
  Precision coarsest = PRECISION_DAY;

  for (guint i = 0; i < spans->len; i++)
    {
      BcSpan *span = g_ptr_array_index (spans, i);

      if (items != NULL && !g_ptr_array_find_with_equal_func (items, span->item, g_str_equal, NULL))
        continue;
      coarsest = MAX (coarsest, span_precision (span->min_days, span->max_days));
    }
  return coarsest;
}

/* A lag said no more precisely than its dates allow: "8 days" when every
 * date is a day, "about 3 months (month precision)" when one is known
 * only to the month, "about 2 years (year precision)" to the year. */
static char *
format_lag (double    days,
            Precision precision,
            gboolean  median)
{
  double unit = precision == PRECISION_YEAR ? DAYS_PER_YEAR : DAYS_PER_MONTH;
  int n = (int) round (fabs (days) / unit);
  g_autofree char *amount = NULL;

  if (precision == PRECISION_DAY)
    {
      g_autofree char *number = fabs (days - round (days)) < 0.01 ? g_strdup_printf ("%d", (int) round (days))
                                                                  : g_strdup_printf ("%.1f", days);

      /* Translators: %s is a number of days, perhaps with a decimal */
      amount = g_strdup_printf (fabs (days) == 1 ? _("%s day") : _("%s days"), number);
      return median ? g_strdup_printf (_("median %s"), amount) : g_steal_pointer (&amount);
    }

  if (precision == PRECISION_MONTH)
    {
      if (n == 0)
        amount = g_strdup (_("under a month"));
      else if (days < 0)
        amount = g_strdup_printf (ngettext ("about %d month before", "about %d months before", n), n);
      else
        amount = g_strdup_printf (ngettext ("about %d month", "about %d months", n), n);
      /* Translators: a lag, then how precisely it is known */
      return g_strdup_printf (_("%s (month precision)"), amount);
    }

  if (n == 0)
    amount = g_strdup (_("under a year"));
  else if (days < 0)
    amount = g_strdup_printf (ngettext ("about %d year before", "about %d years before", n), n);
  else
    amount = g_strdup_printf (ngettext ("about %d year", "about %d years", n), n);
  return g_strdup_printf (_("%s (year precision)"), amount);
}

static void
drop_popover (BcAnalysisPane *self)
{
  GtkWidget *parent;

  if (self->popover == NULL)
    return;
  parent = gtk_widget_get_parent (self->popover);
  if (GTK_IS_BOX (parent))
    gtk_box_remove (GTK_BOX (parent), self->popover);
  else if (GTK_IS_GRID (parent))
    {
      int row;

      gtk_grid_query_child (GTK_GRID (parent), self->popover, NULL, &row, NULL, NULL);
      gtk_grid_remove_row (GTK_GRID (parent), row);
    }
  else if (parent != NULL)
    gtk_widget_unparent (self->popover);
  self->popover = NULL;
  self->item_list = NULL;
}

/* Once the list is laid out, scrolls the pane so that all of it shows,
 * or as much as fits from its top. */
static gboolean
reveal_list (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  BcAnalysisPane *self = BC_ANALYSIS_PANE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scrolled);
  graphene_rect_t bounds;
  double top, bottom, value, page;

  /* A few frames: the list's rows are measured over more than one. */
  if (--self->reveal_frames <= 0)
    self->reveal_id = 0;
  if (self->popover == NULL || content == NULL ||
      !gtk_widget_compute_bounds (self->popover, content, &bounds))
    {
      self->reveal_id = 0;
      return G_SOURCE_REMOVE;
    }
  top = bounds.origin.y;
  bottom = top + bounds.size.height;
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bottom > value + page)
    value = bottom - page;
  if (top < value)
    value = top;
  gtk_adjustment_set_value (adjustment, value);
  return self->reveal_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
close_list_clicked (GtkButton      *button,
                    BcAnalysisPane *self)
{
  drop_popover (self);
}

static void
item_row_activated (GtkListBox     *list,
                    GtkListBoxRow  *row,
                    BcAnalysisPane *self)
{
  BcItem *item = g_object_get_data (G_OBJECT (row), "item");

  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

/* Selects the one item of @ids, or lists them just below @anchor, in
 * the pane itself: the window's selection holds one item, and a list
 * that stays open lets the analyst step through them, each selected on
 * the canvas and in the outline in turn. */
static void
activate_items (BcAnalysisPane  *self,
                GtkWidget       *anchor,
                const char      *title,
                GPtrArray       *ids)
{
  GtkWidget *scrolled, *header, *heading, *close, *after, *box;
  g_autofree char *heading_text = NULL;

  if (self->case_ == NULL || ids == NULL || ids->len == 0)
    return;

  if (ids->len == 1)
    {
      BcItem *item = bc_case_lookup (self->case_, g_ptr_array_index (ids, 0));

      if (item != NULL)
        g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
      return;
    }

  drop_popover (self);
  self->popover = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (self->popover, "card");
  gtk_widget_set_margin_top (self->popover, 4);
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (header, 8);
  heading_text = g_strdup_printf (ngettext ("%s: %u item", "%s: %u items", ids->len),
                                  title != NULL ? title : _("Behind the figure"), ids->len);
  heading = gtk_label_new (heading_text);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "caption-heading");
  close = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_tooltip_text (close, _("Close the list"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Close the list"), -1);
  g_signal_connect (close, "clicked", G_CALLBACK (close_list_clicked), self);
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (header), close);
  gtk_box_append (GTK_BOX (self->popover), header);

  self->item_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->item_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->item_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->item_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  heading_text, -1);
  for (guint i = 0; i < ids->len; i++)
    {
      BcItem *item = bc_case_lookup (self->case_, g_ptr_array_index (ids, i));
      g_autofree char *text = NULL;
      GtkWidget *row, *label;

      if (item == NULL)
        continue;
      text = describe_item (item);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_widget_set_tooltip_text (row, text);
      g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
      gtk_list_box_append (self->item_list, row);
    }
  g_signal_connect (self->item_list, "row-activated", G_CALLBACK (item_row_activated), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  /* Natural height alone is not asked for inside a grid row: room for
   * up to six rows, then a scroll bar. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 38 * MIN (ids->len, 6));
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 38 * 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->item_list));
  gtk_box_append (GTK_BOX (self->popover), scrolled);

  /* In a row of its own just under the figure, or below the chart. */
  if (GTK_IS_GRID (gtk_widget_get_parent (anchor)))
    {
      GtkGrid *grid = GTK_GRID (gtk_widget_get_parent (anchor));
      GtkWidget *rest = g_object_get_data (G_OBJECT (anchor), "remark");
      int row;

      gtk_grid_query_child (grid, rest != NULL ? rest : anchor, NULL, &row, NULL, NULL);
      gtk_grid_insert_row (grid, row + 1);
      gtk_grid_attach (grid, self->popover, 0, row + 1, 2, 1);
    }
  else
    {
      after = anchor;
      while (after != NULL && !GTK_IS_BOX (gtk_widget_get_parent (after)))
        after = gtk_widget_get_parent (after);
      box = after != NULL ? gtk_widget_get_parent (after) : GTK_WIDGET (self->figures_box);
      gtk_box_insert_child_after (GTK_BOX (box), self->popover, after);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->item_list));
  self->reveal_frames = 4;
  if (self->reveal_id == 0)
    self->reveal_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_list, NULL, NULL);
}

static void
figure_clicked (GtkButton      *button,
                BcAnalysisPane *self)
{
  activate_items (self, GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "title"),
                  g_object_get_data (G_OBJECT (button), "items"));
}

static GtkWidget *
section (BcAnalysisPane *self,
         const char     *title,
         const char     *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *grid = gtk_grid_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), heading);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (self->figures_box, box);
  return grid;
}

/* The first free row of @grid, and @rows more taken: kept on the grid,
 * since asking the grid row by row takes a walk over all its children
 * for each row, and a large case has thousands of figures. */
static int
take_rows (GtkWidget *grid,
           int        rows)
{
  int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (grid), "bc-next-row"));

  g_object_set_data (G_OBJECT (grid), "bc-next-row", GINT_TO_POINTER (row + rows));
  return row;
}

static void
subheading (GtkWidget  *grid,
            const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  int row = take_rows (grid, 1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, row > 0 ? 6 : 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 2, 1);
}

/* A row of @grid: what is measured, the figure as a button that leads to
 * @items, and a remark after it. */
static void
figure (BcAnalysisPane *self,
        GtkWidget      *grid,
        const char     *measure,
        const char     *key,
        const char     *label,
        const char     *value,
        const char     *remark,
        GPtrArray      *items)
{
  GtkWidget *name = gtk_label_new (label);
  GtkWidget *button = gtk_button_new_with_label (value);
  g_autofree char *accessible = NULL;
  g_autofree char *tooltip = NULL;
  int row = take_rows (grid, remark != NULL ? 2 : 1);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 18);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_grid_attach (GTK_GRID (grid), name, 0, row, 1, 1);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "numeric");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  accessible = remark != NULL ? g_strdup_printf ("%s: %s, %s", label, value, remark)
                              : g_strdup_printf ("%s: %s", label, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (items != NULL && items->len > 0)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < items->len; i++)
        g_string_append_printf (ids, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (items, i));
      tooltip = g_strdup_printf (items->len == 1 ? _("Select %s") : _("List %s"), ids->str);
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data_full (G_OBJECT (button), "items", g_ptr_array_ref (items),
                              (GDestroyNotify) g_ptr_array_unref);
      g_object_set_data_full (G_OBJECT (button), "title", g_strdup (label), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (figure_clicked), self);
    }
  else
    gtk_widget_set_sensitive (button, FALSE);
  gtk_grid_attach (GTK_GRID (grid), button, 1, row, 1, 1);

  if (remark != NULL)
    {
      GtkWidget *rest = gtk_label_new (remark);

      /* On a line of its own under the figure, the width of the pane. */
      gtk_label_set_xalign (GTK_LABEL (rest), 0);
      gtk_label_set_wrap (GTK_LABEL (rest), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (rest), 30);
      gtk_widget_add_css_class (rest, "dim-label");
      gtk_widget_add_css_class (rest, "caption");
      gtk_widget_set_margin_bottom (rest, 4);
      gtk_grid_attach (GTK_GRID (grid), rest, 0, row + 1, 2, 1);
      g_object_set_data (G_OBJECT (button), "remark", rest);
    }

  g_hash_table_insert (self->figures, g_strdup_printf ("%s\x1f%s", measure, key), button);
}

static void
count_figures (BcAnalysisPane *self,
               GtkWidget      *grid,
               const char     *measure,
               GPtrArray      *counts,
               gboolean        skip_zero)
{
  for (guint i = 0; i < counts->len; i++)
    {
      BcCount *c = g_ptr_array_index (counts, i);
      g_autofree char *value = g_strdup_printf ("%u", c->count);

      if (skip_zero && c->count == 0)
        continue;
      figure (self, grid, measure, c->key, c->label, value, NULL, c->items);
    }
}

static void
span_summary_figure (BcAnalysisPane *self,
                     GtkWidget      *grid,
                     const char     *measure,
                     BcSpanSummary  *s,
                     GPtrArray      *spans)
{
  g_autofree char *value = NULL;
  g_autofree char *range = NULL;
  g_autofree char *remark = NULL;

  if (s->n == 0)
    {
      figure (self, grid, measure, s->key, s->label, _("none"), NULL, NULL);
      return;
    }
  value = format_lag (s->median_days, coarsest_precision (spans, s->items), s->n > 1);
  range = format_range (s->min_days, s->max_days);
  /* Honest about precision: how many of the lags are ranges because a
   * date is known only to the month or the year. */
  if (s->imprecise > 0)
    remark = g_strdup_printf (ngettext ("%s; %u of %u known only as a range",
                                        "%s; %u of %u known only as ranges", s->n),
                              range, s->imprecise, s->n);
  else if (s->n == 1)
    remark = g_strdup (_("exact to the day"));
  else
    remark = g_strdup_printf (_("%s; all %u exact"), range, s->n);
  figure (self, grid, measure, s->key, s->label, value, remark, s->items);
}

static void
clear_figures (BcAnalysisPane *self)
{
  GtkWidget *child;

  drop_popover (self);
  g_hash_table_remove_all (self->figures);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_box_remove (self->figures_box, child);
}

static void
update_chart (BcAnalysisPane *self)
{
  g_clear_pointer (&self->chart, bc_chart_free);
  if (self->measures != NULL)
    self->chart = bc_chart_new (self->measures, gtk_drop_down_get_selected (self->chart_dropdown),
                                current_theme ());
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->chart != NULL);
  gtk_widget_queue_resize (GTK_WIDGET (self->chart_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

/* Shows the figures of @m, which the pane keeps. */
static void
show_measures (BcAnalysisPane *self,
               BcMeasures     *m)
{
  GtkWidget *grid;
  g_autofree char *subtitle = NULL;

  clear_figures (self);
  g_clear_pointer (&self->measures, bc_measures_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->figures_box), TRUE);
  if (m == NULL)
    {
      update_chart (self);
      return;
    }
  self->measures = m;

  subtitle = g_strdup_printf (ngettext ("%u transfer counted", "%u transfers counted", m->n_transfers),
                              m->n_transfers);
  grid = section (self, _("Transfers"), subtitle);
  subheading (grid, _("By mechanism"));
  count_figures (self, grid, "mechanism", m->by_mechanism, TRUE);
  subheading (grid, _("By direction"));
  count_figures (self, grid, "direction", m->by_direction, FALSE);
  subheading (grid, _("By status"));
  count_figures (self, grid, "status", m->by_status, FALSE);

  grid = section (self, _("Uptake Lag"),
                  _("From the end of the unofficial event to its official uptake. A date known only "
                    "to the month or year makes the lag a range; the median is of the midpoints."));
  for (guint i = 0; i < m->uptake_summary->len; i++)
    span_summary_figure (self, grid, "uptake-lag", g_ptr_array_index (m->uptake_summary, i),
                         m->uptake_lags);

  grid = section (self, _("Carriers"),
                  _("Who carried transfers, across how many tracks, and their betweenness on the "
                    "graph of actors and events (0 to 1)."));
  if (m->carriers->len == 0)
    subheading (grid, _("No transfer names its carriers."));
  for (guint i = 0; i < m->carriers->len; i++)
    {
      BcCarrier *c = g_ptr_array_index (m->carriers, i);
      g_autofree char *value = g_strdup_printf (ngettext ("%u transfer", "%u transfers", c->transfers),
                                                c->transfers);
      g_autofree char *tracks = g_strdup_printf (ngettext ("%u track", "%u tracks", c->tracks), c->tracks);
      g_autofree char *remark = g_strdup_printf (_("%s · betweenness %.3f"), tracks, c->betweenness);

      figure (self, grid, "carrier", c->actor, c->name, value, remark, c->items);
    }

  grid = section (self, _("Disclosure Lag"),
                  _("How long what was secret stayed so: from the date to the disclosure."));
  span_summary_figure (self, grid, "disclosure-lag", m->disclosure_summary, m->disclosure_lags);
  for (guint i = 0; i < m->disclosure_lags->len; i++)
    {
      BcSpan *s = g_ptr_array_index (m->disclosure_lags, i);
      BcItem *item = bc_case_lookup (self->case_, s->item);
      g_autofree char *name = item != NULL ? describe_item (item) : g_strdup (s->item);
      Precision precision = span_precision (s->min_days, s->max_days);
      g_autofree char *value = format_lag ((s->min_days + s->max_days) / 2.0, precision, FALSE);
      g_autofree char *range = precision != PRECISION_DAY ? format_range (s->min_days, s->max_days) : NULL;
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (ids, g_strdup (s->item));
      figure (self, grid, "disclosure-lag", s->item, name, value, range, ids);
    }

  grid = section (self, _("Activity"), _("Events per track per year."));
  for (guint i = 0; i < m->activity->len; i++)
    {
      BcCount *c = g_ptr_array_index (m->activity, i);
      g_autofree char *value = g_strdup_printf (ngettext ("%u event", "%u events", c->count), c->count);

      figure (self, grid, "activity", c->key, c->label, value, NULL, c->items);
    }

  update_chart (self);
}

typedef struct
{
  GBytes   *bytes;
  gboolean  documented_only;
} MeasureJob;

static void
measure_job_free (MeasureJob *job)
{
  g_bytes_unref (job->bytes);
  g_free (job);
}

/* In a worker thread: a case of its own, read from the bytes the pane's
 * case wrote, so that edits in the window meanwhile touch nothing it
 * reads. */
static void
measure_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  MeasureJob *job = data;
  g_autoptr(BcCase) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = bc_case_read_bytes (job->bytes, NULL, NULL, &error);
  if (copy == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, bc_measures_new (copy, job->documented_only),
                           (GDestroyNotify) bc_measures_free);
}

/* The measures of the pane's case, worked out on this thread; NULL
 * without a case. */
static BcMeasures *
measure_here (BcAnalysisPane *self)
{
  return self->case_ != NULL ? bc_measures_new (self->case_, self->documented_only) : NULL;
}

static void
measured (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(BcAnalysisPane) self = data;
  g_autoptr(GError) error = NULL;
  BcMeasures *m = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_pointer (&m, bc_measures_free);
      return;
    }
  g_clear_object (&self->measuring);
  /* A case the reader would not take back as written (an edit in
   * progress): measured here instead. */
  show_measures (self, m != NULL ? m : measure_here (self));
}

static void
stop_measuring (BcAnalysisPane *self)
{
  if (self->measuring != NULL)
    g_cancellable_cancel (self->measuring);
  g_clear_object (&self->measuring);
}

/* Works the measures out again. Betweenness alone visits every pair of
 * actors and events, which takes seconds in a large case: a worker
 * thread does it, and the figures shown stay, dimmed, until the new
 * ones come. */
static void
rebuild (BcAnalysisPane *self)
{
  g_autoptr(GTask) task = NULL;
  MeasureJob *job;

  stop_measuring (self);
  if (self->case_ == NULL)
    {
      show_measures (self, NULL);
      return;
    }
  job = g_new0 (MeasureJob, 1);
  job->bytes = bc_case_to_bytes (self->case_);
  job->documented_only = self->documented_only;
  self->measuring = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->figures_box), FALSE);
  task = g_task_new (NULL, self->measuring, measured, g_object_ref (self));
  g_task_set_source_tag (task, rebuild);
  g_task_set_task_data (task, job, (GDestroyNotify) measure_job_free);
  g_task_run_in_thread (task, measure_in_thread);
}

/* Measures are worked out when they can be seen, and a hidden pane
 * should not make opening a case slower. */
static void
refresh (BcAnalysisPane *self)
{
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    rebuild (self);
}

/* The figures of the case as it is now, at once: for what cannot wait
 * for the thread (a chart to export). */
static void
ensure_current (BcAnalysisPane *self)
{
  if (self->stale || self->measuring != NULL)
    {
      self->stale = FALSE;
      stop_measuring (self);
      show_measures (self, measure_here (self));
    }
}

/* Callbacks */

static gboolean
update_idle (gpointer data)
{
  BcAnalysisPane *self = data;

  self->update_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many changes come in one turn of the main loop (an edit that takes
 * its dependants along, an import): recompute once, after them. */
static void
schedule_update (BcAnalysisPane *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_idle, self, NULL);
}

static void
case_changed (BcAnalysisPane *self)
{
  schedule_update (self);
}

static void
documented_switch_changed (GtkSwitch      *sw,
                           GParamSpec     *pspec,
                           BcAnalysisPane *self)
{
  bc_analysis_pane_set_documented_only (self, gtk_switch_get_active (sw));
}

static void
chart_kind_changed (GtkDropDown    *dropdown,
                    GParamSpec     *pspec,
                    BcAnalysisPane *self)
{
  update_chart (self);
}

static void
dark_changed (BcAnalysisPane *self)
{
  update_chart (self);
}

static double
chart_scale (BcAnalysisPane *self,
             int             width)
{
  return self->chart != NULL ? MIN (1.5, width / self->chart->width) : 1;
}

static void
chart_area_resized (GtkDrawingArea *area,
                    int             width,
                    int             height,
                    BcAnalysisPane *self)
{
  int wanted = self->chart != NULL ? (int) ceil (self->chart->height * chart_scale (self, width)) : 0;

  if (wanted != gtk_drawing_area_get_content_height (area))
    gtk_drawing_area_set_content_height (area, wanted);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  BcAnalysisPane *self = data;
  double scale;

  if (self->chart == NULL)
    return;
  scale = chart_scale (self, width);
  if (ceil (self->chart->height * scale) != gtk_drawing_area_get_content_height (area))
    chart_area_resized (area, width, height, self);
  cairo_scale (cr, scale, scale);
  bc_chart_draw (self->chart, cr);
}

/* A click on a bar does what activating its figure does. */
static void
chart_clicked (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               BcAnalysisPane  *self)
{
  double scale = chart_scale (self, gtk_widget_get_width (GTK_WIDGET (self->chart_area)));

  if (self->chart == NULL)
    return;
  for (guint i = 0; i < self->chart->bars->len; i++)
    {
      BcChartBar *bar = g_ptr_array_index (self->chart->bars, i);
      BcRect r = bar->rect;

      if (x / scale >= r.x && x / scale <= r.x + r.width && y / scale >= r.y - 4 && y / scale <= r.y + r.height + 4)
        {
          activate_items (self, GTK_WIDGET (self->chart_area), bar->label, bar->items);
          return;
        }
    }
}

static void
export_chosen (GFile    *file,
               gpointer  data)
{
  g_autoptr(BcAnalysisPane) self = data;
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return;
  if (!bc_analysis_pane_export_chart (self, file, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Export the Chart"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
export_clicked (GtkButton      *button,
                BcAnalysisPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  BcChartKind kind = gtk_drop_down_get_selected (self->chart_dropdown);

  if (self->chart == NULL)
    return;
  gtk_file_filter_set_name (filter, _("PNG, SVG or PDF"));
  gtk_file_filter_add_pattern (filter, "*.png");
  gtk_file_filter_add_pattern (filter, "*.svg");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  name = g_strdup_printf ("%s-%s.svg", bc_case_get_id (self->case_), bc_chart_kind_to_name (kind));
  bc_compat_choose_save_file (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Export Chart"),
                              NULL, name, filter, export_chosen, g_object_ref (self));
}

/* GObject */

static void
bc_analysis_pane_map (GtkWidget *widget)
{
  BcAnalysisPane *self = BC_ANALYSIS_PANE (widget);

  GTK_WIDGET_CLASS (bc_analysis_pane_parent_class)->map (widget);
  /* Not while GTK maps the children: after, in the same turn. */
  if (self->stale)
    schedule_update (self);
}

static void
bc_analysis_pane_dispose (GObject *object)
{
  BcAnalysisPane *self = BC_ANALYSIS_PANE (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  stop_measuring (self);
  if (self->reveal_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_id);
  self->reveal_id = 0;
  drop_popover (self);
  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_func (self->case_, case_changed, self);
  g_clear_object (&self->case_);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_ANALYSIS_PANE);

  G_OBJECT_CLASS (bc_analysis_pane_parent_class)->dispose (object);
}

static void
bc_analysis_pane_finalize (GObject *object)
{
  BcAnalysisPane *self = BC_ANALYSIS_PANE (object);

  g_clear_pointer (&self->measures, bc_measures_free);
  g_clear_pointer (&self->chart, bc_chart_free);
  g_hash_table_unref (self->figures);

  G_OBJECT_CLASS (bc_analysis_pane_parent_class)->finalize (object);
}

static void
bc_analysis_pane_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BcAnalysisPane *self = BC_ANALYSIS_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->case_);
      break;
    case PROP_DOCUMENTED_ONLY:
      g_value_set_boolean (value, self->documented_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_analysis_pane_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BcAnalysisPane *self = BC_ANALYSIS_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      bc_analysis_pane_set_case (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENTED_ONLY:
      bc_analysis_pane_set_documented_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_analysis_pane_class_init (BcAnalysisPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bc_analysis_pane_dispose;
  object_class->finalize = bc_analysis_pane_finalize;
  object_class->get_property = bc_analysis_pane_get_property;
  object_class->set_property = bc_analysis_pane_set_property;
  widget_class->map = bc_analysis_pane_map;

  properties[PROP_CASE] = g_param_spec_object ("case", NULL, NULL, BC_TYPE_CASE, flags);
  properties[PROP_DOCUMENTED_ONLY] = g_param_spec_boolean ("documented-only", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BcAnalysisPane::item-activated:
   * @item: the item behind a figure, to select
   */
  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, BC_TYPE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backchannel/Backchannel/ui/bc-analysis-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, BcAnalysisPane, box);
  gtk_widget_class_bind_template_child (widget_class, BcAnalysisPane, scrolled);
  gtk_widget_class_bind_template_child (widget_class, BcAnalysisPane, documented_switch);
  gtk_widget_class_bind_template_child (widget_class, BcAnalysisPane, figures_box);
  gtk_widget_class_bind_template_child (widget_class, BcAnalysisPane, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BcAnalysisPane, export_button);
  gtk_widget_class_bind_template_child (widget_class, BcAnalysisPane, chart_area);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "analysis-pane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bc_analysis_pane_init (BcAnalysisPane *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Analysis"), -1);

  g_signal_connect (self->documented_switch, "notify::active", G_CALLBACK (documented_switch_changed), self);
  g_signal_connect (self->chart_dropdown, "notify::selected", G_CALLBACK (chart_kind_changed), self);
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (export_clicked), self);
  g_signal_connect (self->chart_area, "resize", G_CALLBACK (chart_area_resized), self);
  gtk_drawing_area_set_draw_func (self->chart_area, draw_chart, self, NULL);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (chart_clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self->chart_area), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_changed), self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
}

/* Public API */

GtkWidget *
bc_analysis_pane_new (void)
{
  return g_object_new (BC_TYPE_ANALYSIS_PANE, NULL);
}

BcCase *
bc_analysis_pane_get_case (BcAnalysisPane *self)
{
  g_return_val_if_fail (BC_IS_ANALYSIS_PANE (self), NULL);
  return self->case_;
}

void
bc_analysis_pane_set_case (BcAnalysisPane *self,
                           BcCase         *case_)
{
  g_return_if_fail (BC_IS_ANALYSIS_PANE (self));
  g_return_if_fail (case_ == NULL || BC_IS_CASE (case_));

  if (self->case_ == case_)
    return;
  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_func (self->case_, case_changed, self);
  g_set_object (&self->case_, case_);
  if (case_ != NULL)
    g_signal_connect_swapped (case_, "changed", G_CALLBACK (case_changed), self);
  g_clear_handle_id (&self->update_id, g_source_remove);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

gboolean
bc_analysis_pane_get_documented_only (BcAnalysisPane *self)
{
  g_return_val_if_fail (BC_IS_ANALYSIS_PANE (self), FALSE);
  return self->documented_only;
}

void
bc_analysis_pane_set_documented_only (BcAnalysisPane *self,
                                      gboolean        documented_only)
{
  g_return_if_fail (BC_IS_ANALYSIS_PANE (self));

  documented_only = !!documented_only;
  if (self->documented_only == documented_only)
    return;
  self->documented_only = documented_only;
  gtk_switch_set_active (self->documented_switch, documented_only);
  g_clear_handle_id (&self->update_id, g_source_remove);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENTED_ONLY]);
}

/**
 * bc_analysis_pane_export_chart:
 * @self: an analysis pane
 * @file: where to write; PNG, SVG or PDF by its extension
 * @error: where to say why not
 *
 * Writes the chart the pane shows, in the light theme as exports are.
 *
 * Returns: whether it was written
 */
gboolean
bc_analysis_pane_export_chart (BcAnalysisPane  *self,
                               GFile           *file,
                               GError         **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  const char *dot = strrchr (basename, '.');
  g_autoptr(BcChart) chart = NULL;
  BcExportType type;

  g_return_val_if_fail (BC_IS_ANALYSIS_PANE (self), FALSE);

  ensure_current (self);
  if (self->measures == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no case to chart"));
      return FALSE;
    }
  if (dot == NULL || !bc_export_type_from_name (dot + 1, &type))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s”: a chart is saved as PNG, SVG or PDF; end the name in .png, .svg or .pdf"),
                   basename);
      return FALSE;
    }
  chart = bc_chart_new (self->measures, gtk_drop_down_get_selected (self->chart_dropdown), BC_THEME_LIGHT);
  return bc_chart_to_file (chart, file, type, 2, error);
}

GtkWidget *
_bc_analysis_pane_get_figure (BcAnalysisPane *self,
                              const char     *measure,
                              const char     *key)
{
  g_autofree char *k = g_strdup_printf ("%s\x1f%s", measure, key);

  return g_hash_table_lookup (self->figures, k);
}

gboolean
_bc_analysis_pane_is_measuring (BcAnalysisPane *self)
{
  return self->measuring != NULL;
}

GtkListBox *
_bc_analysis_pane_get_item_list (BcAnalysisPane *self)
{
  return self->item_list;
}
