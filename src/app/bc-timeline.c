/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-timeline"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bc-painter.h"
#include "bc-timeline-private.h"

/* Playing runs through the whole case in about PLAY_STEPS steps of
 * PLAY_INTERVAL_MS each: some twenty seconds whatever the case's span,
 * slow enough to see each channel appear, short enough to watch twice. */
#define PLAY_STEPS       120
#define PLAY_INTERVAL_MS 160

/* The mechanisms drawn around the swatch when no single one is
 * highlighted, so that the button reads as "every colour". */
static const BcMechanism ring_mechanisms[] = {
  BC_MECHANISM_BRIEFING,
  BC_MECHANISM_DRAFT_TEXT,
  BC_MECHANISM_PARTICIPANT_CROSSOVER,
  BC_MECHANISM_BACK_CHANNEL_MESSAGE,
  BC_MECHANISM_FACILITATION,
  BC_MECHANISM_WORKSHOP_OUTCOME,
};

struct _BcTimeline
{
  GtkWidget       parent_instance;

  BcCase         *case_;
  BcDate          known_on;
  guint           tracks;
  int             highlight;

  /* The days the slider runs over: the case's events, their periods and
   * the dates they were disclosed. Both 0 when the case has no dates. */
  guint32         first_day;
  guint32         last_day;

  guint           play_id;
  guint           refresh_id;    /* an edit of the case, not yet shown */
  /* Set while the widget updates its own controls, so that their change
   * signals do not come back as user input. */
  gboolean        syncing;

  /* The tracks that have an event and the mechanisms that a transfer
   * uses: what the filters offer. Their checks are made when a filter's
   * popover is first opened after the case changed (filters_made). */
  guint           track_mask;
  guint           mechanism_mask;
  gboolean        filters_made;
  GtkCheckButton *track_checks[BC_N_TRACKS];
  GtkCheckButton *mechanism_checks[BC_N_MECHANISMS + 1]; /* [0] is "all" */

  /* Template widgets */
  GtkButton      *play_button;
  GtkButton      *reset_button;
  GtkScale       *scale;
  GtkAdjustment  *adjustment;
  GtkEntry       *entry;
  GtkMenuButton  *tracks_button;
  GtkBox         *tracks_box;
  GtkButton      *all_tracks_button;
  GtkMenuButton  *mechanism_button;
  GtkDrawingArea *mechanism_swatch;
  GtkBox         *mechanisms_box;
};

G_DEFINE_FINAL_TYPE (BcTimeline, bc_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  PROP_KNOWN_ON,
  PROP_TRACKS,
  PROP_HIGHLIGHT,
  PROP_PLAYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary functions */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
compute_span (BcTimeline *self)
{
  GListModel *events;
  GListModel *transfers;
  guint32 first = 0, last = 0;

  self->first_day = self->last_day = 0;
  if (self->case_ == NULL || !bc_case_get_time_span (self->case_, &first, &last))
    return;

  /* A secret disclosed after the case's last event must still be
   * reachable on the slider. */
  events = bc_case_get_events (self->case_);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);
      BcDate disclosed = bc_event_get_disclosed (event);

      if (bc_date_is_set (disclosed))
        last = MAX (last, bc_date_get_first_day (disclosed));
    }
  transfers = bc_case_get_transfers (self->case_);
  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
      BcDate disclosed = bc_transfer_get_disclosed (transfer);

      if (bc_date_is_set (disclosed))
        last = MAX (last, bc_date_get_first_day (disclosed));
    }

  self->first_day = first;
  self->last_day = MAX (first, last);
}

static gboolean
has_span (BcTimeline *self)
{
  return self->last_day > self->first_day;
}

/* The slider's position for the current date: its end when everything
 * is known. */
static guint32
current_day (BcTimeline *self)
{
  if (!bc_date_is_set (self->known_on))
    return self->last_day;
  return CLAMP (bc_date_get_last_day (self->known_on), self->first_day, self->last_day);
}

/* A tick at each new year, and the year written under a few of them:
 * a scale is at least as wide as all its labels side by side, and the
 * bar must fit a phone, so at most MAX_YEAR_LABELS years are named,
 * every one, every second, fifth, tenth… as the span needs. */
#define MAX_YEAR_LABELS 3

static void
add_year_marks (BcTimeline *self)
{
  static const guint steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };
  BcDate first = bc_date_from_julian (self->first_day, BC_DATE_PRECISION_YEAR);
  BcDate last = bc_date_from_julian (self->last_day, BC_DATE_PRECISION_YEAR);
  guint n_years = last.year - first.year;
  guint step = steps[G_N_ELEMENTS (steps) - 1];

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if ((n_years + steps[i] - 1) / steps[i] <= MAX_YEAR_LABELS)
      {
        step = steps[i];
        break;
      }

  gtk_scale_clear_marks (self->scale);

  /* Within one year, name it at the start. */
  if (n_years == 0)
    {
      g_autofree char *markup = g_strdup_printf ("<small>%d</small>", (int) first.year);

      gtk_scale_add_mark (self->scale, self->first_day, GTK_POS_BOTTOM, markup);
      return;
    }

  for (guint year = first.year + 1; year <= last.year; year++)
    {
      BcDate jan1 = { year, 1, 1 };
      g_autofree char *markup = NULL;

      if (year % step == 0 || step == 1)
        markup = g_strdup_printf ("<small>%u</small>", year);
      gtk_scale_add_mark (self->scale, bc_date_get_first_day (jan1), GTK_POS_BOTTOM, markup);
    }
}

/* On GTK 4.8 a tooltip set on a shown widget makes GTK ask the display
 * server where the pointer is, a round trip: the controls set theirs
 * only when the text changes. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
update_play_button (BcTimeline *self)
{
  gboolean playing = self->play_id != 0;

  gtk_button_set_icon_name (self->play_button,
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  set_tooltip (GTK_WIDGET (self->play_button), playing ? _("Pause") : _("Play the Case Forward"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, playing ? _("Pause") : _("Play"),
                                  -1);
}

static void
set_entry_error (BcTimeline *self,
                 const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      set_tooltip (GTK_WIDGET (self->entry), message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else if (gtk_widget_has_css_class (GTK_WIDGET (self->entry), "error"))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      set_tooltip (GTK_WIDGET (self->entry),
                   _("As known on: a date as YYYY, YYYY-MM or YYYY-MM-DD; "
                     "empty shows everything"));
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Brings the slider, and the entry unless the user is typing in it, to
 * the current date. */
static void
sync_date_controls (BcTimeline *self,
                    gboolean    update_entry)
{
  g_autofree char *text = bc_date_is_set (self->known_on) ? bc_date_to_string (self->known_on) : NULL;

  self->syncing = TRUE;
  gtk_adjustment_set_value (self->adjustment, current_day (self));
  if (update_entry)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
      set_entry_error (self, NULL);
    }
  self->syncing = FALSE;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                  text ? text : _("Everything known"),
                                  -1);
}

static void
apply_known_on (BcTimeline *self,
                BcDate      date,
                gboolean    update_entry)
{
  if (bc_date_equal (self->known_on, date))
    {
      sync_date_controls (self, update_entry);
      return;
    }

  self->known_on = date;
  sync_date_controls (self, update_entry);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWN_ON]);
}

static char *
describe_tracks (guint tracks)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int t = 0; t < BC_N_TRACKS; t++)
    if (tracks & BC_TRACK_BIT (t))
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", bc_track_get_label (t));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
sync_track_controls (BcTimeline *self)
{
  guint n_checked = 0;
  GtkCheckButton *last_checked = NULL;

  self->syncing = TRUE;
  for (int t = 0; t < BC_N_TRACKS; t++)
    {
      GtkCheckButton *check = self->track_checks[t];

      if (check == NULL)
        continue;
      gtk_check_button_set_active (check, self->tracks == 0 || (self->tracks & BC_TRACK_BIT (t)) != 0);
      gtk_widget_set_sensitive (GTK_WIDGET (check), TRUE);
      if (gtk_check_button_get_active (check))
        {
          n_checked++;
          last_checked = check;
        }
    }
  /* The last track shown cannot be hidden: an empty picture helps no one,
   * and "no track" would read as "every track" in the layout options. */
  if (n_checked == 1)
    gtk_widget_set_sensitive (GTK_WIDGET (last_checked), FALSE);
  self->syncing = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->all_tracks_button), self->tracks != 0);
  if (self->tracks != 0)
    {
      g_autofree char *list = describe_tracks (self->tracks);
      g_autofree char *tooltip = g_strdup_printf (_("Tracks Shown: %s"), list);

      gtk_widget_add_css_class (GTK_WIDGET (self->tracks_button), "filter-active");
      set_tooltip (GTK_WIDGET (self->tracks_button), tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->tracks_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->tracks_button), "filter-active");
      set_tooltip (GTK_WIDGET (self->tracks_button), _("Tracks Shown: All"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->tracks_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("All tracks are shown"),
                                      -1);
    }
}

static void
sync_mechanism_controls (BcTimeline *self)
{
  GtkCheckButton *check = self->mechanism_checks[self->highlight + 1];
  g_autofree char *tooltip = NULL;

  self->syncing = TRUE;
  if (check != NULL)
    gtk_check_button_set_active (check, TRUE);
  else
    for (guint i = 0; i < G_N_ELEMENTS (self->mechanism_checks); i++)
      if (self->mechanism_checks[i] != NULL)
        gtk_check_button_set_active (self->mechanism_checks[i], FALSE);
  self->syncing = FALSE;

  if (self->highlight >= 0)
    {
      tooltip = g_strdup_printf (_("Highlighted: %s"), bc_mechanism_get_label (self->highlight));
      gtk_widget_add_css_class (GTK_WIDGET (self->mechanism_button), "filter-active");
    }
  else
    {
      tooltip = g_strdup (_("Highlight a Transfer Mechanism"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->mechanism_button), "filter-active");
    }
  set_tooltip (GTK_WIDGET (self->mechanism_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mechanism_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->highlight >= 0 ? tooltip : _("No mechanism is highlighted"),
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->mechanism_swatch));
}

static BcTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? BC_THEME_DARK : BC_THEME_LIGHT;
}

/* A disc in the mechanism's colour, or a ring of several colours for
 * "every mechanism". */
static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  int mechanism = GPOINTER_TO_INT (user_data);
  double r = MIN (width, height) / 2.0 - 1;
  double cx = width / 2.0, cy = height / 2.0;
  double rgb[3];

  if (mechanism >= 0)
    {
      bc_mechanism_get_rgb (mechanism, current_theme (), rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
      return;
    }

  cairo_set_line_width (cr, r * 0.7);
  for (guint i = 0; i < G_N_ELEMENTS (ring_mechanisms); i++)
    {
      double a0 = -G_PI / 2 + i * 2 * G_PI / G_N_ELEMENTS (ring_mechanisms);
      double a1 = a0 + 2 * G_PI / G_N_ELEMENTS (ring_mechanisms);

      bc_mechanism_get_rgb (ring_mechanisms[i], current_theme (), rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_arc (cr, cx, cy, r * 0.65, a0, a1);
      cairo_stroke (cr);
    }
}

static void
stop_playing (BcTimeline *self)
{
  if (self->play_id == 0)
    return;

  g_clear_handle_id (&self->play_id, g_source_remove);
  update_play_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

/* Callbacks */

static gboolean
play_tick (gpointer user_data)
{
  BcTimeline *self = user_data;

  if (_bc_timeline_step (self))
    return G_SOURCE_CONTINUE;

  /* The source ends by returning; only the state is left to clear. */
  self->play_id = 0;
  update_play_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
  return G_SOURCE_REMOVE;
}

static void
play_clicked (BcTimeline *self)
{
  bc_timeline_set_playing (self, self->play_id == 0);
}

static void
reset_clicked (BcTimeline *self)
{
  bc_timeline_reset (self);
}

static void
scale_changed (BcTimeline *self)
{
  guint32 day;

  if (self->syncing || !has_span (self))
    return;

  day = (guint32) round (gtk_adjustment_get_value (self->adjustment));
  apply_known_on (self, bc_date_from_julian (day, BC_DATE_PRECISION_DAY), TRUE);
}

/* What is typed is checked when it is confirmed (Enter, or leaving the
 * entry), not at each key: "1993-0" on the way to "1993-05" is not an
 * error. */
static void
entry_changed (BcTimeline *self)
{
  if (!self->syncing)
    set_entry_error (self, NULL);
}

static void
entry_activated (BcTimeline *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autoptr(GError) error = NULL;
  BcDate date;

  if (*text == '\0')
    {
      apply_known_on (self, BC_DATE_UNSET, FALSE);
      return;
    }

  if (!bc_date_parse (text, &date, &error))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: %s. Write YYYY, YYYY-MM or YYYY-MM-DD."),
                                                  text, error->message);

      set_entry_error (self, message);
      return;
    }

  set_entry_error (self, NULL);
  apply_known_on (self, date, FALSE);
}

static void
entry_focus_left (GtkEventControllerFocus *controller,
                  BcTimeline              *self)
{
  g_autofree char *shown = bc_date_is_set (self->known_on) ? bc_date_to_string (self->known_on) : g_strdup ("");

  /* Leaving an entry that was not edited changes nothing. */
  if (g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
    entry_activated (self);
}

static void
track_toggled (GtkCheckButton *check,
               BcTimeline     *self)
{
  guint mask = 0, present = 0;

  if (self->syncing)
    return;

  for (int t = 0; t < BC_N_TRACKS; t++)
    {
      if (self->track_checks[t] == NULL)
        continue;
      present |= BC_TRACK_BIT (t);
      if (gtk_check_button_get_active (self->track_checks[t]))
        mask |= BC_TRACK_BIT (t);
    }

  bc_timeline_set_tracks (self, mask == present ? 0 : mask);
}

static void
all_tracks_clicked (BcTimeline *self)
{
  bc_timeline_set_tracks (self, 0);
}

static void
mechanism_toggled (GtkCheckButton *check,
                   BcTimeline     *self)
{
  if (self->syncing || !gtk_check_button_get_active (check))
    return;

  bc_timeline_set_highlight (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "bc-mechanism")));
}

static void
dark_changed (BcTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->mechanism_swatch));
  for (guint i = 0; i < G_N_ELEMENTS (self->mechanism_checks); i++)
    if (self->mechanism_checks[i] != NULL)
      gtk_widget_queue_draw (GTK_WIDGET (self->mechanism_checks[i]));
}

static GtkCheckButton *
mechanism_check_new (BcTimeline     *self,
                     int             mechanism,
                     const char     *label,
                     GtkCheckButton *group)
{
  /* Hidden until its tooltip is set: see set_tooltip(). */
  GtkWidget *check = g_object_new (GTK_TYPE_CHECK_BUTTON, "visible", FALSE, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, GINT_TO_POINTER (mechanism), NULL);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), gtk_label_new (label));
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (mechanism >= 0)
    {
      gtk_widget_set_tooltip_text (check, bc_mechanism_get_meaning (mechanism));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      bc_mechanism_get_meaning (mechanism), -1);
    }
  gtk_widget_set_visible (check, TRUE);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  g_object_set_data (G_OBJECT (check), "bc-mechanism", GINT_TO_POINTER (mechanism));
  g_signal_connect (check, "toggled", G_CALLBACK (mechanism_toggled), self);
  gtk_box_append (self->mechanisms_box, check);
  return GTK_CHECK_BUTTON (check);
}

/* The filters offer what the case holds: the tracks that have an event,
 * the mechanisms that a transfer uses. Their checks wait for the
 * popovers (make_filters). */
static void
scan_filters (BcTimeline *self)
{
  self->track_mask = 0;
  self->mechanism_mask = 0;

  if (self->case_ != NULL)
    {
      GListModel *events = bc_case_get_events (self->case_);
      GListModel *transfers = bc_case_get_transfers (self->case_);

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(BcEvent) event = g_list_model_get_item (events, i);

          if (bc_event_get_first_day (event) != 0)
            self->track_mask |= BC_TRACK_BIT (bc_event_get_track (event));
        }
      for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
        {
          g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);

          self->mechanism_mask |= 1u << bc_transfer_get_mechanism (transfer);
        }
    }

  clear_box (self->tracks_box);
  clear_box (self->mechanisms_box);
  memset (self->track_checks, 0, sizeof self->track_checks);
  memset (self->mechanism_checks, 0, sizeof self->mechanism_checks);
  self->filters_made = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->tracks_button), self->track_mask != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mechanism_button), self->mechanism_mask != 0);
}

/* One check per track, one choice per mechanism, made when a filter is
 * first opened: a window that opens with a case does not make them. */
static void
make_filters (BcTimeline *self)
{
  if (self->filters_made)
    return;
  self->filters_made = TRUE;

  for (int t = 0; t < BC_N_TRACKS; t++)
    {
      g_autofree char *label = NULL;
      GtkWidget *check;

      if (!(self->track_mask & BC_TRACK_BIT (t)))
        continue;
      label = g_strdup_printf ("%s · %s", bc_track_get_label (t), bc_track_get_name (t));
      check = gtk_check_button_new_with_label (label);
      g_signal_connect (check, "toggled", G_CALLBACK (track_toggled), self);
      gtk_box_append (self->tracks_box, check);
      self->track_checks[t] = GTK_CHECK_BUTTON (check);
    }

  self->mechanism_checks[0] = mechanism_check_new (self, -1, _("All mechanisms alike"), NULL);
  for (int m = 0; m < BC_N_MECHANISMS; m++)
    if (self->mechanism_mask & (1u << m))
      self->mechanism_checks[m + 1] = mechanism_check_new (self, m, bc_mechanism_get_label (m),
                                                           self->mechanism_checks[0]);

  sync_track_controls (self);
  sync_mechanism_controls (self);
}

static void
filter_popover_shown (BcTimeline *self)
{
  make_filters (self);
}

/* The slider's span and the filters' choices, from the case as it is
 * now: an event added in 2005 can be reached, a new track or mechanism
 * can be filtered. The date, the tracks and the highlight chosen stay. */
static void
follow_case (BcTimeline *self)
{
  gboolean filters_were_made = self->filters_made;

  compute_span (self);
  self->syncing = TRUE;
  gtk_adjustment_configure (self->adjustment, current_day (self), self->first_day, self->last_day,
                            1, MAX (1, (self->last_day - self->first_day) / 24), 0);
  self->syncing = FALSE;
  gtk_scale_clear_marks (self->scale);
  if (has_span (self))
    add_year_marks (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->play_button), has_span (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale), has_span (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->entry), self->case_ != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), self->case_ != NULL);

  scan_filters (self);
  if (filters_were_made)
    make_filters (self);
}

static gboolean
refresh_idle (gpointer data)
{
  BcTimeline *self = data;

  self->refresh_id = 0;
  follow_case (self);
  return G_SOURCE_REMOVE;
}

/* One refresh for a step of many changes, such as a delete. */
static void
case_changed (BcCase       *case_,
              BcChangeKind  kind,
              GObject      *object,
              const char   *detail,
              BcTimeline   *self)
{
  if (!BC_IS_EVENT (object) && !BC_IS_TRANSFER (object) && !BC_IS_CASE (object))
    return;
  if (kind == BC_CHANGE_FIELD &&
      !g_strv_contains ((const char * const[]) { "date", "end", "disclosed", "track", "mechanism",
                                                 "period-start", "period-end", NULL }, detail))
    return;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

/* GObject */

static void
bc_timeline_dispose (GObject *object)
{
  BcTimeline *self = BC_TIMELINE (object);

  g_clear_handle_id (&self->play_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_func (self->case_, case_changed, self);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_TIMELINE);
  g_clear_object (&self->case_);

  G_OBJECT_CLASS (bc_timeline_parent_class)->dispose (object);
}

static void
bc_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BcTimeline *self = BC_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->case_);
      break;
    case PROP_KNOWN_ON:
      g_value_set_boxed (value, bc_date_is_set (self->known_on) ? &self->known_on : NULL);
      break;
    case PROP_TRACKS:
      g_value_set_uint (value, self->tracks);
      break;
    case PROP_HIGHLIGHT:
      g_value_set_int (value, self->highlight);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->play_id != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BcTimeline *self = BC_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      bc_timeline_set_case (self, g_value_get_object (value));
      break;
    case PROP_KNOWN_ON:
      {
        const BcDate *date = g_value_get_boxed (value);

        bc_timeline_set_known_on (self, date != NULL ? *date : BC_DATE_UNSET);
      }
      break;
    case PROP_TRACKS:
      bc_timeline_set_tracks (self, g_value_get_uint (value));
      break;
    case PROP_HIGHLIGHT:
      bc_timeline_set_highlight (self, g_value_get_int (value));
      break;
    case PROP_PLAYING:
      bc_timeline_set_playing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_timeline_class_init (BcTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_timeline_dispose;
  object_class->get_property = bc_timeline_get_property;
  object_class->set_property = bc_timeline_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, BC_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* NULL when everything is known. */
  properties[PROP_KNOWN_ON] =
    g_param_spec_boxed ("known-on", NULL, NULL, BC_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRACKS] =
    g_param_spec_uint ("tracks", NULL, NULL, 0, BC_ALL_TRACKS, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHT] =
    g_param_spec_int ("highlight", NULL, NULL, -1, BC_N_MECHANISMS - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/backchannel/Backchannel/ui/bc-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, BcTimeline, play_button);
  gtk_widget_class_bind_template_child (widget_class, BcTimeline, reset_button);
  gtk_widget_class_bind_template_child (widget_class, BcTimeline, scale);
  gtk_widget_class_bind_template_child (widget_class, BcTimeline, adjustment);
  gtk_widget_class_bind_template_child (widget_class, BcTimeline, entry);
  gtk_widget_class_bind_template_child (widget_class, BcTimeline, tracks_button);
  gtk_widget_class_bind_template_child (widget_class, BcTimeline, tracks_box);
  gtk_widget_class_bind_template_child (widget_class, BcTimeline, all_tracks_button);
  gtk_widget_class_bind_template_child (widget_class, BcTimeline, mechanism_button);
  gtk_widget_class_bind_template_child (widget_class, BcTimeline, mechanism_swatch);
  gtk_widget_class_bind_template_child (widget_class, BcTimeline, mechanisms_box);
  gtk_widget_class_bind_template_callback (widget_class, play_clicked);
  gtk_widget_class_bind_template_callback (widget_class, filter_popover_shown);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked);
  gtk_widget_class_bind_template_callback (widget_class, scale_changed);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, all_tracks_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bctimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bc_timeline_init (BcTimeline *self)
{
  GtkEventController *focus;

  self->known_on = BC_DATE_UNSET;
  self->highlight = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template sets these controls' tooltips while they are hidden:
   * see set_tooltip(). */
  gtk_widget_set_visible (GTK_WIDGET (self->play_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->reset_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->entry), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->tracks_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->mechanism_button), TRUE);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);
  /* The scale is the diagram's time axis: it runs left to right, with
   * time, in a right-to-left interface too. */
  gtk_widget_set_direction (GTK_WIDGET (self->scale), GTK_TEXT_DIR_LTR);

  gtk_drawing_area_set_draw_func (self->mechanism_swatch, draw_swatch, GINT_TO_POINTER (-1), NULL);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed), self);

  bc_timeline_set_case (self, NULL);
}

/* Public API */

GtkWidget *
bc_timeline_new (void)
{
  return g_object_new (BC_TYPE_TIMELINE, NULL);
}

BcCase *
bc_timeline_get_case (BcTimeline *self)
{
  g_return_val_if_fail (BC_IS_TIMELINE (self), NULL);
  return self->case_;
}

/**
 * bc_timeline_set_case:
 * @self: a timeline
 * @case_: (nullable): the case to run through
 *
 * Starts over with @case_: everything known, every track, no highlight.
 */
void
bc_timeline_set_case (BcTimeline *self,
                      BcCase     *case_)
{
  gboolean changed;

  g_return_if_fail (BC_IS_TIMELINE (self));

  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_func (self->case_, case_changed, self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  changed = g_set_object (&self->case_, case_);
  if (case_ != NULL)
    g_signal_connect (case_, "changed", G_CALLBACK (case_changed), self);
  stop_playing (self);

  follow_case (self);
  bc_timeline_reset (self);
  bc_timeline_set_tracks (self, 0);
  bc_timeline_set_highlight (self, -1);
  sync_track_controls (self);
  sync_mechanism_controls (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/**
 * bc_timeline_get_known_on:
 *
 * Returns: the date of the view, or %BC_DATE_UNSET when everything is known
 */
BcDate
bc_timeline_get_known_on (BcTimeline *self)
{
  g_return_val_if_fail (BC_IS_TIMELINE (self), BC_DATE_UNSET);
  return self->known_on;
}

void
bc_timeline_set_known_on (BcTimeline *self,
                          BcDate      date)
{
  g_return_if_fail (BC_IS_TIMELINE (self));

  apply_known_on (self, date, TRUE);
}

guint
bc_timeline_get_tracks (BcTimeline *self)
{
  g_return_val_if_fail (BC_IS_TIMELINE (self), 0);
  return self->tracks;
}

/**
 * bc_timeline_set_tracks:
 * @self: a timeline
 * @tracks: a mask of BC_TRACK_BIT() values, or 0 for every track
 */
void
bc_timeline_set_tracks (BcTimeline *self,
                        guint       tracks)
{
  g_return_if_fail (BC_IS_TIMELINE (self));

  tracks &= BC_ALL_TRACKS;
  if (self->tracks == tracks)
    return;

  self->tracks = tracks;
  sync_track_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKS]);
}

int
bc_timeline_get_highlight (BcTimeline *self)
{
  g_return_val_if_fail (BC_IS_TIMELINE (self), -1);
  return self->highlight;
}

/**
 * bc_timeline_set_highlight:
 * @self: a timeline
 * @mechanism: a #BcMechanism, or -1 to show every mechanism alike
 */
void
bc_timeline_set_highlight (BcTimeline *self,
                           int         mechanism)
{
  g_return_if_fail (BC_IS_TIMELINE (self));
  g_return_if_fail (mechanism >= -1 && mechanism < BC_N_MECHANISMS);

  if (self->highlight == mechanism)
    return;

  self->highlight = mechanism;
  gtk_drawing_area_set_draw_func (self->mechanism_swatch, draw_swatch, GINT_TO_POINTER (mechanism), NULL);
  sync_mechanism_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

gboolean
bc_timeline_get_playing (BcTimeline *self)
{
  g_return_val_if_fail (BC_IS_TIMELINE (self), FALSE);
  return self->play_id != 0;
}

/**
 * bc_timeline_set_playing:
 * @self: a timeline
 * @playing: whether the date should move forward by itself
 *
 * Playing from the end, or from "everything known", starts over at the
 * beginning of the case. Playing stops by itself at the end.
 */
void
bc_timeline_set_playing (BcTimeline *self,
                         gboolean    playing)
{
  g_return_if_fail (BC_IS_TIMELINE (self));

  if (!playing)
    {
      stop_playing (self);
      return;
    }

  if (self->play_id != 0 || !has_span (self))
    return;

  if (!bc_date_is_set (self->known_on) || current_day (self) >= self->last_day)
    apply_known_on (self, bc_date_from_julian (self->first_day, BC_DATE_PRECISION_DAY), TRUE);

  self->play_id = g_timeout_add (PLAY_INTERVAL_MS, play_tick, self);
  g_source_set_name_by_id (self->play_id, "[backchannel] timeline play");
  update_play_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

/**
 * bc_timeline_reset:
 * @self: a timeline
 *
 * Stops playing and shows everything known.
 */
void
bc_timeline_reset (BcTimeline *self)
{
  g_return_if_fail (BC_IS_TIMELINE (self));

  stop_playing (self);
  apply_known_on (self, BC_DATE_UNSET, TRUE);
}

/* Private API */

/* One step of playing: moves the date forward, and returns FALSE once it
 * has reached the end. */
gboolean
_bc_timeline_step (BcTimeline *self)
{
  guint32 step, day;

  if (!has_span (self))
    return FALSE;

  step = MAX (1, (self->last_day - self->first_day) / PLAY_STEPS);
  day = bc_date_is_set (self->known_on) ? current_day (self) : self->first_day;
  day = MIN ((guint64) day + step, self->last_day);
  apply_known_on (self, bc_date_from_julian (day, BC_DATE_PRECISION_DAY), TRUE);
  return day < self->last_day;
}

void
_bc_timeline_get_span (BcTimeline *self,
                       guint32    *first_day,
                       guint32    *last_day)
{
  *first_day = self->first_day;
  *last_day = self->last_day;
}

GtkEditable *
_bc_timeline_get_entry (BcTimeline *self)
{
  return GTK_EDITABLE (self->entry);
}

GtkRange *
_bc_timeline_get_scale (BcTimeline *self)
{
  return GTK_RANGE (self->scale);
}

GtkCheckButton *
_bc_timeline_get_track_check (BcTimeline *self,
                              BcTrack     track)
{
  make_filters (self);
  return self->track_checks[track];
}

GtkCheckButton *
_bc_timeline_get_mechanism_check (BcTimeline *self,
                                  int         mechanism)
{
  make_filters (self);
  return self->mechanism_checks[mechanism + 1];
}
