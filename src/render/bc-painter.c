/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-painter.h"
#include "bc-enum-types.h"
#include "bc-render-private.h"

/* The colours of each theme. Lines and marks keep a contrast of at
 * least 3:1 with both lanes, text at least 4.5:1 with what is under it
 * (test-paint.c measures them). */
static const BcPainterTheme themes[] = {
  [BC_THEME_LIGHT] = {
    .bg = { 1, 1, 1, 1 },
    .fg = { 0.10, 0.10, 0.12, 1 },
    .muted = { 0.36, 0.36, 0.40, 1 },
    .lane = { { 0.975, 0.975, 0.98, 1 }, { 0.94, 0.945, 0.955, 1 } },
    .header = { 0.87, 0.88, 0.90, 1 },
    .header_fg = { 0.10, 0.10, 0.12, 1 },
    .grid = { 0.82, 0.82, 0.85, 1 },
    .node = { 0.20, 0.20, 0.24, 1 },
    .node_edge = { 1, 1, 1, 1 },
    .sector = { { 0.96, 0.96, 0.97, 1 }, { 0.91, 0.915, 0.93, 1 } },
  },
  [BC_THEME_DARK] = {
    .bg = { 0.12, 0.12, 0.14, 1 },
    .fg = { 0.93, 0.93, 0.95, 1 },
    .muted = { 0.68, 0.68, 0.73, 1 },
    .lane = { { 0.15, 0.15, 0.17, 1 }, { 0.18, 0.18, 0.21, 1 } },
    .header = { 0.27, 0.27, 0.31, 1 },
    .header_fg = { 0.93, 0.93, 0.95, 1 },
    .grid = { 0.32, 0.32, 0.36, 1 },
    .node = { 0.88, 0.88, 0.92, 1 },
    .node_edge = { 0.12, 0.12, 0.14, 1 },
    .sector = { { 0.16, 0.16, 0.19, 1 }, { 0.20, 0.20, 0.24, 1 } },
  },
};

/* Okabe and Ito's colour-blind-safe palette, extended with two greys;
 * each mechanism also has its own mark, so greyscale still tells them
 * apart. Every colour keeps a contrast of at least 3:1 with the lanes
 * of its theme: on the light theme the pale ones (orange, sky blue,
 * reddish purple, yellow) are darkened in the same hue, and the blue
 * goes deeper to stay apart from the darkened sky blue; on the dark
 * theme the dark ones are lightened (black becomes white, blue and
 * violet a lighter tint). */
static const guint32 mechanism_colours[2][BC_N_MECHANISMS] = {
  [BC_THEME_LIGHT] = {
    0x005A8E, /* briefing: blue */
    0xB77F00, /* memorandum: orange */
    0xD55E00, /* draft text: vermilion */
    0x009E73, /* participant crossover: bluish green */
    0xBF719C, /* back-channel message: reddish purple */
    0x4591BC, /* facilitation: sky blue */
    0x000000, /* public statement: black */
    0x9E8900, /* public consultation: Okabe–Ito yellow, darkened */
    0x7A5195, /* workshop outcome: violet */
    0x808080, /* other: grey */
  },
  [BC_THEME_DARK] = {
    0x4FA8E0, 0xE69F00, 0xE8702A, 0x19B68A, 0xCC79A7,
    0x56B4E9, 0xF0F0F0, 0xD4BC1E, 0xB48FD8, 0x9A9A9A,
  },
};

/* The storylines of actors who change track: a colour each, in a light
 * and a dark variant, then a dash, so that the first eight are solid
 * and each style of the twenty-four differs from every other in colour
 * or dash. */
static const guint32 storyline_colours[2][8] = {
  [BC_THEME_LIGHT] = {
    0x8C510A, /* brown */
    0x2B5BA8, /* blue */
    0x1B7837, /* green */
    0x762A83, /* purple */
    0xB34D06, /* orange */
    0x01665E, /* teal */
    0xB2182B, /* crimson */
    0x5F5F00, /* olive */
  },
  [BC_THEME_DARK] = {
    0xDFC27D, 0x8FB8F0, 0x7FCF8A, 0xD2A6E0,
    0xFDB863, 0x6FD3C6, 0xF4939E, 0xD0D070,
  },
};

static const double storyline_dashes[3][2] = {
  { 0, 0 }, { 7, 3 }, { 2, 2.5 },
};

#define N_STORYLINE_STYLES (G_N_ELEMENTS (storyline_colours[0]) * G_N_ELEMENTS (storyline_dashes))

/* auxiliary functions */

const BcPainterTheme *
_bc_painter_theme (BcTheme theme)
{
  return &themes[theme == BC_THEME_DARK ? BC_THEME_DARK : BC_THEME_LIGHT];
}

guint
_bc_painter_n_storyline_styles (void)
{
  return N_STORYLINE_STYLES;
}

/**
 * _bc_painter_storyline_style:
 * @dashes: (out): on and off lengths, or %NULL for a solid line
 *
 * Returns: the colour of storyline style @style in @theme
 */
BcRgba
_bc_painter_storyline_style (guint          style,
                             BcTheme        theme,
                             const double **dashes)
{
  guint n_colours = G_N_ELEMENTS (storyline_colours[0]);
  guint s = style % N_STORYLINE_STYLES;
  guint dash = s / n_colours;

  *dashes = dash > 0 ? storyline_dashes[dash] : NULL;
  return bc_rgba_from_hex (storyline_colours[theme == BC_THEME_DARK][s % n_colours], 1);
}

void
bc_mechanism_get_rgb (BcMechanism  mechanism,
                      BcTheme      theme,
                      double      *rgb)
{
  BcRgba c = bc_rgba_from_hex (mechanism_colours[theme == BC_THEME_DARK]
                                                [MIN ((guint) mechanism, BC_N_MECHANISMS - 1)], 1);

  rgb[0] = c.red;
  rgb[1] = c.green;
  rgb[2] = c.blue;
}

static BcRgba
mechanism_colour (BcMechanism mechanism,
                  BcTheme     theme,
                  double      alpha)
{
  double rgb[3];

  bc_mechanism_get_rgb (mechanism, theme, rgb);
  return bc_rgba_from_rgb (rgb, alpha);
}

static BcRgba
with_alpha (BcRgba c,
            double alpha)
{
  c.alpha = alpha;
  return c;
}

static void
fill (BcDraw *draw,
      BcRgba  colour)
{
  BcDrawStyle style = { .fill = colour };

  bc_draw_path (draw, &style);
}

static void
stroke (BcDraw *draw,
        BcRgba  colour,
        double  width)
{
  BcDrawStyle style = { .stroke = colour, .line_width = width };

  bc_draw_path (draw, &style);
}

static void
fill_and_stroke (BcDraw *draw,
                 BcRgba  inside,
                 BcRgba  outline,
                 double  width)
{
  BcDrawStyle style = { .fill = inside, .stroke = outline, .line_width = width };

  bc_draw_path (draw, &style);
}

static void
dashed (BcDraw       *draw,
        BcRgba        colour,
        double        width,
        const double *dashes)
{
  BcDrawStyle style = { .stroke = colour, .line_width = width, .dashes = dashes,
                        .n_dashes = dashes != NULL ? 2 : 0, .round = TRUE };

  bc_draw_path (draw, &style);
}

static void
draw_text (BcDraw     *draw,
           BcRgba      colour,
           const char *font,
           const char *text,
           double      x,
           double      y,
           double      max_width,
           int         max_lines)
{
  BcDrawText t = { font, text, x, y, max_width, max_lines, colour };

  bc_draw_text (draw, &t);
}

/* Names of tracks, types and mechanisms as the classes of SVG groups:
 * the case format's words, with "track-1-5" for Track 1.5. */
static void
append_track_class (GString    *out,
                    const char *prefix,
                    BcTrack     track)
{
  const char *nick = bc_enum_to_nick (BC_TYPE_TRACK, track);

  g_string_append_c (out, ' ');
  g_string_append (out, prefix);
  for (const char *p = nick; p != NULL && *p != '\0'; p++)
    g_string_append_c (out, *p == '.' ? '-' : *p);
}

static void
append_nick (GString *out,
             GType    type,
             int      value)
{
  const char *nick = bc_enum_to_nick (type, value);

  if (nick == NULL)
    return;
  g_string_append_c (out, ' ');
  g_string_append (out, nick);
}

static void
append_dates (GString *out,
              BcDate   start,
              BcDate   end)
{
  g_autofree char *a = bc_date_to_string (start);
  g_autofree char *b = bc_date_is_set (end) ? bc_date_to_string (end) : NULL;

  if (a == NULL)
    return;
  g_string_append (out, " — ");
  g_string_append (out, a);
  if (b != NULL && g_strcmp0 (a, b) != 0)
    {
      g_string_append (out, " – ");
      g_string_append (out, b);
    }
}

/* One item's group: its id, classes and title are made only for a
 * backend that keeps them. */
typedef struct
{
  GString *id;
  GString *classes;
  GString *title;
} Names;

typedef gboolean (*NameFunc) (BcLayout      *layout,
                              gconstpointer  item,
                              Names         *names);

static void
begin_item (BcDraw        *draw,
            BcLayout      *layout,
            NameFunc       name,
            gconstpointer  item,
            gboolean       faded)
{
  BcDrawGroup g = { NULL, NULL, NULL, faded ? BC_PAINT_FADED_ALPHA : 1 };
  Names names = { 0 };

  if (draw->keeps_names)
    {
      names = (Names) { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL) };
      if (name (layout, item, &names))
        {
          if (faded)
            g_string_append (names.classes, " faded");
          g.id = names.id->len > 0 ? names.id->str : NULL;
          g.classes = names.classes->str;
          g.title = names.title->len > 0 ? names.title->str : NULL;
        }
    }
  bc_draw_begin_group (draw, &g);
  if (names.id != NULL)
    {
      g_string_free (names.id, TRUE);
      g_string_free (names.classes, TRUE);
      g_string_free (names.title, TRUE);
    }
}

static gboolean
event_names (BcLayout      *layout,
             gconstpointer  item,
             Names         *names)
{
  const BcLayoutEvent *e = item;
  BcEvent *ev = e->event;

  if (ev == NULL)
    return FALSE;

  g_string_append (names->id, "event-");
  g_string_append (names->id, bc_item_get_id (BC_ITEM (ev)));
  g_string_append (names->classes, "event");
  append_track_class (names->classes, "track-", bc_event_get_track (ev));
  append_nick (names->classes, BC_TYPE_EVENT_TYPE, e->type);
  if (e->imprecise)
    g_string_append (names->classes, " imprecise");
  if (e->annotations > 0)
    g_string_append (names->classes, " annotated");
  g_string_append (names->title, bc_event_get_title (ev));
  append_dates (names->title, bc_event_get_date (ev), bc_event_get_end (ev));
  g_string_append (names->title, " — ");
  g_string_append (names->title, bc_track_get_label (bc_event_get_track (ev)));
  return TRUE;
}

static gboolean
link_names (BcLayout      *layout,
            gconstpointer  item,
            Names         *names)
{
  const BcLayoutCurve *c = item;
  BcLink *link;
  BcEvent *from, *to;
  BcLinkType type;

  if (!BC_IS_LINK (c->object))
    return FALSE;
  link = BC_LINK (c->object);
  from = bc_case_lookup_event (layout->kase, bc_link_get_from (link));
  to = bc_case_lookup_event (layout->kase, bc_link_get_to (link));
  type = bc_link_get_link_type (link);

  g_string_append_printf (names->id, "link-%s-%s", bc_link_get_from (link), bc_link_get_to (link));
  g_string_append (names->classes, "link");
  append_nick (names->classes, BC_TYPE_LINK_TYPE, type);
  if (from != NULL)
    append_track_class (names->classes, "from-track-", bc_event_get_track (from));
  if (to != NULL)
    append_track_class (names->classes, "to-track-", bc_event_get_track (to));
  g_string_append_printf (names->title, "%s → %s",
                          from != NULL ? bc_event_get_title (from) : bc_link_get_from (link),
                          to != NULL ? bc_event_get_title (to) : bc_link_get_to (link));
  g_string_append (names->title, " — ");
  g_string_append (names->title, bc_enum_to_nick (BC_TYPE_LINK_TYPE, type));
  return TRUE;
}

static gboolean
transfer_names (BcLayout      *layout,
                gconstpointer  item,
                Names         *names)
{
  const BcLayoutCurve *c = item;
  BcTransfer *t;
  BcEvent *from, *to;

  if (!BC_IS_TRANSFER (c->object))
    return FALSE;
  t = BC_TRANSFER (c->object);
  from = bc_case_lookup_event (layout->kase, bc_transfer_get_from (t));
  to = bc_case_lookup_event (layout->kase, bc_transfer_get_to (t));

  g_string_append (names->id, "transfer-");
  g_string_append (names->id, bc_item_get_id (BC_ITEM (t)));
  g_string_append (names->classes, "transfer");
  append_nick (names->classes, BC_TYPE_MECHANISM, c->mechanism);
  append_nick (names->classes, BC_TYPE_TRANSFER_STATUS, c->status);
  append_nick (names->classes, BC_TYPE_DIRECTION, c->direction);
  if (from != NULL)
    append_track_class (names->classes, "from-track-", bc_event_get_track (from));
  if (to != NULL)
    append_track_class (names->classes, "to-track-", bc_event_get_track (to));
  if (c->count > 1)
    g_string_append_printf (names->classes, " bundle");

  if (bc_transfer_get_title (t) != NULL)
    {
      g_string_append (names->title, bc_transfer_get_title (t));
      g_string_append (names->title, " — ");
    }
  g_string_append (names->title, bc_mechanism_get_label (c->mechanism));
  if (from != NULL && to != NULL)
    {
      g_autofree char *a = bc_date_to_string (bc_event_get_date (from));
      g_autofree char *b = bc_date_to_string (bc_event_get_date (to));

      g_string_append_printf (names->title, " — %s → %s — %s → %s", a ? a : "?", b ? b : "?",
                              bc_track_get_label (bc_event_get_track (from)),
                              bc_track_get_label (bc_event_get_track (to)));
    }
  if (c->count > 1)
    g_string_append_printf (names->title, ngettext (" (and %u more)", " (and %u more)", c->count - 1),
                            c->count - 1);
  return TRUE;
}

static void
actor_names (BcActor    *actor,
             const char *kind,
             Names      *names)
{
  g_string_append (names->id, "actor-");
  g_string_append (names->id, bc_item_get_id (BC_ITEM (actor)));
  g_string_append (names->classes, kind);
  append_track_class (names->classes, "track-", bc_actor_get_track (actor));
  append_nick (names->classes, BC_TYPE_ACTOR_TYPE, bc_actor_get_actor_type (actor));
  g_string_append (names->title, bc_actor_get_name (actor));
  g_string_append (names->title, " — ");
  g_string_append (names->title, bc_track_get_label (bc_actor_get_track (actor)));
}

static gboolean
storyline_names (BcLayout      *layout,
                 gconstpointer  item,
                 Names         *names)
{
  const BcLayoutCrossover *c = item;

  if (c->actor == NULL)
    return FALSE;
  actor_names (c->actor, "actor storyline", names);
  g_string_append_printf (names->classes, " style-%u", (guint) (c->style % N_STORYLINE_STYLES));
  return TRUE;
}

static gboolean
wheel_actor_names (BcLayout      *layout,
                   gconstpointer  item,
                   Names         *names)
{
  const BcLayoutActor *a = item;

  if (a->actor == NULL)
    return FALSE;
  actor_names (a->actor, "actor", names);
  return TRUE;
}

/* A lane or a sector of the wheel: "track-1-5". */
static void
track_names (BcTrack     track,
             const char *kind,
             const char *label,
             Names      *names)
{
  append_track_class (names->id, "track-", track);
  g_string_erase (names->id, 0, 1);
  g_string_append (names->classes, kind);
  append_track_class (names->classes, "track-", track);
  g_string_append (names->title, label);
}

static gboolean
lane_names (BcLayout      *layout,
            gconstpointer  item,
            Names         *names)
{
  const BcLayoutLane *lane = item;

  track_names (lane->track, "track", lane->label, names);
  return TRUE;
}

static gboolean
sector_names (BcLayout      *layout,
              gconstpointer  item,
              Names         *names)
{
  const BcLayoutSector *sector = item;

  track_names (sector->track, "track sector", sector->label, names);
  return TRUE;
}

static void
polygon (BcDraw *draw,
         double  cx,
         double  cy,
         double  r,
         int     n,
         double  rotation)
{
  for (int i = 0; i < n; i++)
    {
      double a = rotation + 2 * G_PI * i / n;
      if (i == 0)
        bc_draw_move_to (draw, cx + r * cos (a), cy + r * sin (a));
      else
        bc_draw_line_to (draw, cx + r * cos (a), cy + r * sin (a));
    }
  bc_draw_close_path (draw);
}

static void
star (BcDraw *draw,
      double  cx,
      double  cy,
      double  r)
{
  for (int i = 0; i < 10; i++)
    {
      double a = -G_PI / 2 + G_PI * i / 5;
      double rr = i % 2 == 0 ? r : r * 0.45;
      if (i == 0)
        bc_draw_move_to (draw, cx + rr * cos (a), cy + rr * sin (a));
      else
        bc_draw_line_to (draw, cx + rr * cos (a), cy + rr * sin (a));
    }
  bc_draw_close_path (draw);
}

/* The shape of an event says its type. */
static void
event_shape (BcDraw      *draw,
             BcEventType  type,
             double       cx,
             double       cy,
             double       r)
{
  switch (type)
    {
    case BC_EVENT_MEETING:
      bc_draw_circle (draw, cx, cy, r);
      break;
    case BC_EVENT_NEGOTIATION:
      bc_draw_rectangle (draw, cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8);
      break;
    case BC_EVENT_WORKSHOP:
      polygon (draw, cx, cy + r * 0.15, r * 1.1, 3, -G_PI / 2);
      break;
    case BC_EVENT_AGREEMENT:
      polygon (draw, cx, cy, r * 1.15, 4, 0);
      break;
    case BC_EVENT_SIGNING:
      star (draw, cx, cy, r * 1.25);
      break;
    case BC_EVENT_STATEMENT:
      polygon (draw, cx, cy, r * 1.1, 3, 0);
      break;
    case BC_EVENT_PUBLICATION:
      bc_draw_rectangle (draw, cx - r * 0.7, cy - r, r * 1.4, r * 2);
      break;
    case BC_EVENT_VISIT:
      polygon (draw, cx, cy - r * 0.15, r * 1.1, 3, G_PI / 2);
      break;
    case BC_EVENT_APPOINTMENT:
      polygon (draw, cx, cy, r, 5, -G_PI / 2);
      break;
    case BC_EVENT_VIOLENCE:
      polygon (draw, cx, cy, r * 1.05, 8, G_PI / 8);
      break;
    case BC_EVENT_OTHER:
    default:
      polygon (draw, cx, cy, r, 6, 0);
      break;
    }
}

/* A mark per mechanism, drawn on the curve, so that the mechanism shows
 * without colour. */
static void
mechanism_mark (BcDraw      *draw,
                BcMechanism  m,
                double       cx,
                double       cy,
                double       r)
{
  switch (m)
    {
    case BC_MECHANISM_BRIEFING:
      bc_draw_circle (draw, cx, cy, r);
      break;
    case BC_MECHANISM_MEMORANDUM:
      bc_draw_rectangle (draw, cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
      break;
    case BC_MECHANISM_DRAFT_TEXT:
      polygon (draw, cx, cy, r * 1.2, 4, 0);
      break;
    case BC_MECHANISM_PARTICIPANT_CROSSOVER:
      polygon (draw, cx, cy, r * 1.15, 3, -G_PI / 2);
      break;
    case BC_MECHANISM_BACK_CHANNEL_MESSAGE:
      polygon (draw, cx, cy, r * 1.15, 3, G_PI / 2);
      break;
    case BC_MECHANISM_FACILITATION:
      polygon (draw, cx, cy, r * 1.1, 6, 0);
      break;
    case BC_MECHANISM_PUBLIC_STATEMENT:
      star (draw, cx, cy, r * 1.35);
      break;
    case BC_MECHANISM_PUBLIC_CONSULTATION:
      polygon (draw, cx, cy, r * 1.1, 5, -G_PI / 2);
      break;
    case BC_MECHANISM_WORKSHOP_OUTCOME:
      {
        /* a plus, as one outline */
        double a = r * 1.1, b = r * 0.4;
        bc_draw_move_to (draw, cx - b, cy - a);
        bc_draw_line_to (draw, cx + b, cy - a);
        bc_draw_line_to (draw, cx + b, cy - b);
        bc_draw_line_to (draw, cx + a, cy - b);
        bc_draw_line_to (draw, cx + a, cy + b);
        bc_draw_line_to (draw, cx + b, cy + b);
        bc_draw_line_to (draw, cx + b, cy + a);
        bc_draw_line_to (draw, cx - b, cy + a);
        bc_draw_line_to (draw, cx - b, cy + b);
        bc_draw_line_to (draw, cx - a, cy + b);
        bc_draw_line_to (draw, cx - a, cy - b);
        bc_draw_line_to (draw, cx - b, cy - b);
        bc_draw_close_path (draw);
      }
      break;
    case BC_MECHANISM_OTHER:
    default:
      polygon (draw, cx, cy, r * 1.0, 8, G_PI / 8);
      break;
    }
}

/* At the end of @c's last segment, @p, pointing along it. */
static void
arrowhead (BcDraw              *draw,
           const BcLayoutCurve *c,
           double               size,
           BcRgba               colour)
{
  const BcPoint *p = &c->p[3 * (MAX (c->n_segments, 1) - 1)];
  BcPoint tip = p[3], before;
  double angle;

  before = bc_curve_point (p, 0.97);
  if (fabs (before.x - tip.x) < 1e-6 && fabs (before.y - tip.y) < 1e-6)
    before = p[0];
  angle = atan2 (tip.y - before.y, tip.x - before.x);
  bc_draw_move_to (draw, tip.x, tip.y);
  bc_draw_line_to (draw, tip.x - size * cos (angle - 0.42), tip.y - size * sin (angle - 0.42));
  bc_draw_line_to (draw, tip.x - size * cos (angle + 0.42), tip.y - size * sin (angle + 0.42));
  bc_draw_close_path (draw);
  fill (draw, colour);
}

/* Diagonal lines across @r, cut to it where they leave it. */
static void
hatch (BcDraw       *draw,
       const BcRect *r,
       BcRgba        colour)
{
  double h = r->height;

  if (h <= 0 || r->width <= 0)
    return;
  for (double x = r->x - h; x < r->x + r->width; x += 4)
    {
      double t0 = MAX (0, (r->x - x) / h), t1 = MIN (1, (r->x + r->width - x) / h);

      if (t1 <= t0)
        continue;
      bc_draw_move_to (draw, x + t0 * h, r->y + h - t0 * h);
      bc_draw_line_to (draw, x + t1 * h, r->y + h - t1 * h);
    }
  stroke (draw, colour, 1);
}

/* The mark of an annotated item: a speech bubble, filled in a warm
 * yellow that no mechanism uses, with a tail at its lower left. */
static void
annotation_mark (BcDraw               *draw,
                 const BcPainterTheme *th,
                 const BcRect         *r)
{
  double rad = 1.5;
  double x = r->x, y = r->y, w = r->width, h = r->height - 2;

  if (r->width <= 0)
    return;

  bc_draw_arc (draw, x + w - rad, y + rad, rad, -G_PI / 2, 0);
  bc_draw_arc (draw, x + w - rad, y + h - rad, rad, 0, G_PI / 2);
  bc_draw_line_to (draw, x + 3.5, y + h);
  bc_draw_line_to (draw, x + 1, y + h + 2);
  bc_draw_line_to (draw, x + 1.5, y + h);
  bc_draw_arc (draw, x + rad, y + h - rad, rad, G_PI / 2, G_PI);
  bc_draw_arc (draw, x + rad, y + rad, rad, G_PI, 3 * G_PI / 2);
  bc_draw_close_path (draw);
  fill_and_stroke (draw, bc_rgba_from_hex (0xF5C211, 1), th->node, 0.8);
}

static void
curve_path (BcDraw              *draw,
            const BcLayoutCurve *c)
{
  bc_draw_move_to (draw, c->p[0].x, c->p[0].y);
  for (guint s = 0; s < c->n_segments; s++)
    {
      const BcPoint *p = &c->p[3 * s];

      bc_draw_curve_to (draw, p[1].x, p[1].y, p[2].x, p[2].y, p[3].x, p[3].y);
    }
}

/* The source addresses of the title block: the part of the sources line
 * that names a source with an address links to it. The line names each
 * source by its citation up to the first '.', ',' or '(' (see
 * layout_title() in bc-layout.c); one name stands for all the works it
 * shortens. */
static GArray *
source_links (BcLayout *layout)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (BcDrawLink));
  GListModel *sources = bc_case_get_sources (layout->kase);
  const char *line = layout->sources != NULL ? layout->sources : "";

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(BcSource) s = g_list_model_get_item (sources, i);
      const char *citation = bc_source_get_citation (s);
      const char *url = bc_source_get_url (s);
      const char *stop, *at;
      g_autofree char *name = NULL;
      gsize n;

      if (citation == NULL || url == NULL || url[0] == '\0')
        continue;
      stop = strpbrk (citation, ".,(");
      name = stop != NULL && stop > citation ? g_strndup (citation, stop - citation)
                                             : g_strdup (citation);
      g_strstrip (name);
      n = strlen (name);
      if (n == 0)
        continue;
      for (at = strstr (line, name); at != NULL; at = strstr (at + 1, name))
        {
          gboolean starts = at == line || at[-1] == ' ';
          gboolean ends = at[n] == '\0' || at[n] == ';';

          if (starts && ends)
            break;
        }
      if (at != NULL)
        {
          BcDrawLink link = { at - line, at - line + n, url };
          gboolean taken = FALSE;

          for (guint k = 0; k < links->len; k++)
            taken |= g_array_index (links, BcDrawLink, k).start == link.start;
          if (!taken)
            g_array_append_val (links, link);
        }
    }
  for (guint i = 1; i < links->len; i++)
    for (guint k = i; k > 0 && g_array_index (links, BcDrawLink, k - 1).start >
                                   g_array_index (links, BcDrawLink, k).start; k--)
      {
        BcDrawLink t = g_array_index (links, BcDrawLink, k);
        g_array_index (links, BcDrawLink, k) = g_array_index (links, BcDrawLink, k - 1);
        g_array_index (links, BcDrawLink, k - 1) = t;
      }
  return links;
}

/* painting each kind of item */

static void
paint_title (BcLayout             *layout,
             BcDraw               *draw,
             const BcPainterTheme *th)
{
  BcRect *r = &layout->title_rect;
  g_autoptr(GArray) links = source_links (layout);
  BcDrawGroup g = { "title-block", "title-block", NULL, 1 };
  BcDrawText sources = { BC_FONT_SMALL, layout->sources, r->x, 0, r->width, BC_SOURCES_MAX_LINES,
                         th->muted };
  double w, h;

  bc_draw_begin_group (draw, &g);
  bc_draw_text_size (BC_FONT_TITLE, layout->title, r->width, 1, &w, &h);
  draw_text (draw, th->fg, BC_FONT_TITLE, layout->title, r->x, r->y, r->width, 1);
  draw_text (draw, th->muted, BC_FONT_LABEL, layout->period, r->x, r->y + h + 3, r->width, 1);
  sources.y = r->y + h + 20;
  sources.links = (const BcDrawLink *) links->data;
  sources.n_links = links->len;
  bc_draw_text (draw, &sources);
  bc_draw_end_group (draw);
}

static void
paint_lane (BcLayout             *layout,
            BcDraw               *draw,
            const BcPainterTheme *th,
            guint                 i,
            gboolean              titled)
{
  BcLayoutLane *lane = &g_array_index (layout->lanes, BcLayoutLane, i);

  begin_item (draw, layout, lane_names, lane, FALSE);

  bc_draw_rectangle (draw, lane->rect.x, lane->rect.y, lane->rect.width, lane->rect.height);
  fill (draw, th->lane[i % 2]);
  bc_draw_rectangle (draw, lane->header.x, lane->header.y, lane->header.width, lane->header.height);
  fill (draw, th->header);
  if (titled)
    draw_text (draw, th->header_fg, BC_FONT_HEADER, lane->label, lane->header.x + 6,
               lane->header.y + 3, lane->header.width - 12, 1);
  bc_draw_end_group (draw);
}

static void
paint_tick (BcLayout             *layout,
            BcDraw               *draw,
            const BcPainterTheme *th,
            guint                 i,
            gboolean              labelled)
{
  BcLayoutTick *t = &g_array_index (layout->ticks, BcLayoutTick, i);
  double top = layout->plot.y;
  BcDrawGroup g = { NULL, t->major ? "tick major" : "tick", NULL, 1 };

  bc_draw_begin_group (draw, &g);
  bc_draw_move_to (draw, t->x, top - 6);
  bc_draw_line_to (draw, t->x, layout->plot.y + layout->plot.height);
  stroke (draw, th->grid, t->major ? 1.0 : 0.5);
  if (labelled)
    draw_text (draw, t->major ? th->fg : th->muted, t->major ? BC_FONT_HEADER : BC_FONT_SMALL,
               t->label, t->x + 2, top - 22, 0, 1);
  bc_draw_end_group (draw);
}

static void
paint_event (BcLayout             *layout,
             BcDraw               *draw,
             const BcPainterTheme *th,
             guint                 i)
{
  BcLayoutEvent *e = &g_array_index (layout->events, BcLayoutEvent, i);
  double cx = e->node.x + e->node.width / 2, cy = e->node.y + e->node.height / 2;

  begin_item (draw, layout, event_names, e, e->faded);

  if (e->bar.width > 0)
    {
      BcRgba band = with_alpha (th->node, BC_PAINT_BAND_ALPHA);
      BcRgba outline = with_alpha (th->node, BC_PAINT_OUTLINE_ALPHA);

      if (e->imprecise)
        {
          /* Only the month or year is known: a hatched span. */
          bc_draw_rectangle (draw, e->bar.x, e->bar.y, e->bar.width, e->bar.height);
          fill (draw, band);
          hatch (draw, &e->bar, outline);
        }
      else
        {
          double r = e->bar.height / 2;
          bc_draw_arc (draw, e->bar.x + r, e->bar.y + r, r, G_PI / 2, 3 * G_PI / 2);
          bc_draw_arc (draw, e->bar.x + e->bar.width - r, e->bar.y + r, r, -G_PI / 2, G_PI / 2);
          bc_draw_close_path (draw);
          fill_and_stroke (draw, band, outline, 1);
        }
    }

  if (e->leader)
    {
      bc_draw_move_to (draw, e->leader_from.x, e->leader_from.y);
      bc_draw_line_to (draw, e->leader_to.x, e->leader_to.y);
      stroke (draw, th->muted, 0.7);
    }

  event_shape (draw, e->type, cx, cy, e->node.width / 2);
  if (e->imprecise)
    /* An open shape: the date is less precise than a day. */
    fill_and_stroke (draw, th->bg, th->node, 1.6);
  else
    fill_and_stroke (draw, th->node, th->node_edge, 1);

  if (e->label.width > 0)
    {
      /* The label's box holds its whole text, one line for each line of
       * it; a wider line is shortened only where a layout gave a
       * narrower box. */
      gboolean over_bar = e->bar.width > 0 && bc_rect_intersects (&e->label, &e->bar);
      BcDrawText t = { BC_FONT_LABEL, e->text, e->label.x, e->label.y, e->label.width + 0.5, 1,
                       th->fg, e->halo || over_bar ? th->bg : (BcRgba) { 0 } };
      bc_draw_text (draw, &t);
    }
  annotation_mark (draw, th, &e->mark);
  bc_draw_end_group (draw);
}

static void
paint_link (BcLayout             *layout,
            BcDraw               *draw,
            const BcPainterTheme *th,
            guint                 i)
{
  BcLayoutCurve *c = &g_array_index (layout->links, BcLayoutCurve, i);
  BcLinkType type = BC_IS_LINK (c->object) ? bc_link_get_link_type (BC_LINK (c->object))
                                            : BC_LINK_LEADS_TO;
  static const double dots[] = { 2, 2 };
  BcRgba colour = with_alpha (th->muted, BC_PAINT_LINK_ALPHA);

  begin_item (draw, layout, link_names, c, c->faded);

  curve_path (draw, c);
  {
    BcDrawStyle style = { .stroke = colour,
                          .line_width = layout->options.view == BC_VIEW_WHEEL
                                          ? 0.6 * MIN (c->weight, 4) : 0.9,
                          .dashes = type == BC_LINK_PARALLEL_TO ? dots : NULL,
                          .n_dashes = type == BC_LINK_PARALLEL_TO ? 2 : 0 };
    bc_draw_path (draw, &style);
  }
  if (type != BC_LINK_PARALLEL_TO && layout->options.view == BC_VIEW_LANES)
    arrowhead (draw, c, 7, colour);
  bc_draw_end_group (draw);
}

static void
paint_transfer (BcLayout             *layout,
                BcDraw               *draw,
                const BcPainterTheme *th,
                BcTheme               theme,
                guint                 i)
{
  BcLayoutCurve *c = &g_array_index (layout->transfers, BcLayoutCurve, i);
  static const double dashes[] = { 7, 4 };
  double alpha = 1, width;
  BcRgba colour;
  BcPoint mid;
  gboolean wheel = layout->options.view == BC_VIEW_WHEEL;

  begin_item (draw, layout, transfer_names, c, c->faded);

  width = wheel ? 1.5 + 1.2 * (MIN (c->weight, 6) - 1) : 2.4;
  if (layout->options.highlight >= 0)
    {
      if ((int) c->mechanism == layout->options.highlight)
        width += 1.6;
      else
        alpha = 0.2;
    }
  colour = mechanism_colour (c->mechanism, theme, alpha);

  /* A halo in the background colour keeps the curve readable where it
   * crosses labels and other curves. */
  curve_path (draw, c);
  stroke (draw, with_alpha (th->bg, 0.7 * alpha), width + 2.5);

  curve_path (draw, c);
  dashed (draw, colour, width, c->status == BC_STATUS_INFERRED ? dashes : NULL);
  arrowhead (draw, c, 8 + width, colour);

  mid = bc_layout_curve_middle (c);
  mechanism_mark (draw, c->mechanism, mid.x, mid.y, 4.5);
  fill_and_stroke (draw, colour, with_alpha (th->bg, alpha), 1.2);

  if (c->status == BC_STATUS_DISPUTED)
    {
      /* A "?" badge: the claim is contested. */
      double bx = mid.x + 10, by = mid.y - 10;
      bc_draw_circle (draw, bx, by, 6.5);
      fill_and_stroke (draw, with_alpha (th->bg, alpha), colour, 1.5);
      draw_text (draw, th->fg, BC_FONT_HEADER, "?", bx - 3.2, by - 7.5, 0, 1);
    }
  annotation_mark (draw, th, &c->mark);
  bc_draw_end_group (draw);
}

static void
paint_crossover (BcLayout             *layout,
                 BcDraw               *draw,
                 const BcPainterTheme *th,
                 BcTheme               theme,
                 guint                 i)
{
  BcLayoutCrossover *c = &g_array_index (layout->crossovers, BcLayoutCrossover, i);
  const double *dashes;
  BcRgba colour = _bc_painter_storyline_style (c->style, theme, &dashes);
  BcPoint *first, *last;

  if (c->points->len == 0)
    return;
  begin_item (draw, layout, storyline_names, c, c->faded);

  for (guint p = 0; p < c->points->len; p++)
    {
      BcPoint *pt = &g_array_index (c->points, BcPoint, p);
      if (p == 0)
        bc_draw_move_to (draw, pt->x, pt->y);
      else
        bc_draw_line_to (draw, pt->x, pt->y);
    }
  dashed (draw, colour, 2, dashes);
  /* Dots where the path starts and ends: where the positions known begin
   * and stop. */
  first = &g_array_index (c->points, BcPoint, 0);
  last = &g_array_index (c->points, BcPoint, c->points->len - 1);
  bc_draw_circle (draw, first->x, first->y, 2.5);
  if (c->points->len > 1)
    bc_draw_circle (draw, last->x, last->y, 2.5);
  fill (draw, colour);
  bc_draw_end_group (draw);
}

static void
paint_sector (BcLayout             *layout,
              BcDraw               *draw,
              const BcPainterTheme *th,
              guint                 i)
{
  BcLayoutSector *s = &g_array_index (layout->sectors, BcLayoutSector, i);

  begin_item (draw, layout, sector_names, s, FALSE);

  bc_draw_move_to (draw, s->centre.x, s->centre.y);
  bc_draw_arc (draw, s->centre.x, s->centre.y, s->outer, s->angle0, s->angle1);
  bc_draw_close_path (draw);
  fill_and_stroke (draw, th->sector[s->track % 2], th->grid, 1);
  bc_draw_end_group (draw);
}

static void
paint_sector_label (BcLayout             *layout,
                    BcDraw               *draw,
                    const BcPainterTheme *th,
                    guint                 i)
{
  BcLayoutSector *s = &g_array_index (layout->sectors, BcLayoutSector, i);
  BcDrawGroup g = { NULL, "track-label", NULL, 1 };
  double w, h;

  bc_draw_begin_group (draw, &g);
  bc_draw_text_size (BC_FONT_HEADER, s->label, 0, 1, &w, &h);
  bc_draw_rectangle (draw, s->label_at.x - w / 2 - 4, s->label_at.y - h / 2 - 1, w + 8, h + 2);
  fill (draw, with_alpha (th->bg, 0.8));
  draw_text (draw, th->fg, BC_FONT_HEADER, s->label, s->label_at.x - w / 2, s->label_at.y - h / 2, 0, 1);
  bc_draw_end_group (draw);
}

static void
paint_actor (BcLayout             *layout,
             BcDraw               *draw,
             const BcPainterTheme *th,
             guint                 i)
{
  BcLayoutActor *a = &g_array_index (layout->actors, BcLayoutActor, i);
  gboolean left = cos (a->angle) < 0;
  double tw, h;

  begin_item (draw, layout, wheel_actor_names, a, FALSE);

  bc_draw_circle (draw, a->centre.x, a->centre.y, a->node.width / 2);
  fill (draw, th->node);
  annotation_mark (draw, th, &a->mark);

  bc_draw_text_size (BC_FONT_SMALL, a->text, 160, 1, &tw, &h);
  /* Labels run outwards; on the left half they are turned over so that
   * they still read left to right. */
  bc_draw_push_transform (draw, layout->wheel_centre.x, layout->wheel_centre.y,
                          left ? a->angle + G_PI : a->angle);
  draw_text (draw, th->fg, BC_FONT_SMALL, a->text, left ? -a->label_from - tw : a->label_from,
             -h / 2, 160, 1);
  bc_draw_pop_transform (draw);
  bc_draw_end_group (draw);
}

static void
paint_legend (BcLayout             *layout,
              BcDraw               *draw,
              const BcPainterTheme *th,
              BcTheme               theme)
{
  BcDrawGroup g = { "legend", "legend", NULL, 1 };

  bc_draw_begin_group (draw, &g);
  for (guint i = 0; i < layout->legend->len; i++)
    {
      BcLegendEntry *e = &g_array_index (layout->legend, BcLegendEntry, i);
      BcRect *s = &e->swatch;
      double cy = s->y + s->height / 2;

      switch (e->kind)
        {
        case BC_LEGEND_HEADING:
          draw_text (draw, th->fg, BC_FONT_HEADER, e->text, e->text_box.x, e->text_box.y,
                     e->text_box.width + 1, 1);
          continue;
        case BC_LEGEND_TRACK:
          bc_draw_rectangle (draw, s->x + 2, s->y + 1, s->width - 4, s->height - 2);
          fill (draw, th->header);
          break;
        case BC_LEGEND_MECHANISM:
          {
            BcRgba colour = mechanism_colour (e->value, theme, 1);
            bc_draw_move_to (draw, s->x, cy);
            bc_draw_line_to (draw, s->x + s->width, cy);
            stroke (draw, colour, 2.4);
            mechanism_mark (draw, e->value, s->x + s->width / 2, cy, 4);
            fill_and_stroke (draw, colour, th->bg, 1);
          }
          break;
        case BC_LEGEND_STATUS:
          {
            static const double dashes[] = { 7, 4 };
            bc_draw_move_to (draw, s->x, cy);
            bc_draw_line_to (draw, s->x + s->width - 8, cy);
            dashed (draw, th->fg, 2, e->value == BC_STATUS_INFERRED ? dashes : NULL);
            if (e->value == BC_STATUS_DISPUTED)
              draw_text (draw, th->fg, BC_FONT_HEADER, "?", s->x + s->width - 6, s->y - 1, 0, 1);
          }
          break;
        case BC_LEGEND_EVENT_TYPE:
          event_shape (draw, e->value, s->x + s->width / 2, cy, 5.5);
          fill (draw, th->node);
          break;
        case BC_LEGEND_CROSSOVER:
          {
            const double *dashes;
            BcRgba colour = _bc_painter_storyline_style (e->value, theme, &dashes);
            bc_draw_move_to (draw, s->x, cy);
            bc_draw_line_to (draw, s->x + s->width, cy);
            dashed (draw, colour, 2, dashes);
          }
          break;
        case BC_LEGEND_PRECISION:
          {
            BcRect bar = { s->x, cy - 5, s->width, 10 };
            if (e->value == 0)
              {
                bc_draw_rectangle (draw, bar.x, bar.y, bar.width, bar.height);
                fill_and_stroke (draw, with_alpha (th->node, BC_PAINT_BAND_ALPHA),
                                 with_alpha (th->node, BC_PAINT_OUTLINE_ALPHA), 1);
              }
            else if (e->value == 1)
              {
                bc_draw_rectangle (draw, bar.x, bar.y, bar.width, bar.height);
                fill (draw, with_alpha (th->node, BC_PAINT_BAND_ALPHA));
                hatch (draw, &bar, with_alpha (th->node, BC_PAINT_OUTLINE_ALPHA));
              }
            else
              {
                BcLayoutCurve line = { .p = { { s->x, cy }, { s->x + 9, cy }, { s->x + 18, cy },
                                              { s->x + s->width, cy } },
                                       .n_segments = 1 };
                BcRgba colour = with_alpha (th->muted, BC_PAINT_LINK_ALPHA);
                curve_path (draw, &line);
                stroke (draw, colour, 0.9);
                arrowhead (draw, &line, 7, colour);
              }
          }
          break;
        default:
          break;
        }
      draw_text (draw, th->fg, BC_FONT_SMALL, e->text, e->text_box.x, e->text_box.y,
                 e->text_box.width + 1, 1);
    }
  bc_draw_end_group (draw);
}

/* public API */

void
bc_paint_options_init (BcPaintOptions *options)
{
  options->theme = BC_THEME_LIGHT;
  options->background = TRUE;
  options->pinned = FALSE;
}

/**
 * bc_painter_draw:
 * @layout: the geometry to paint
 * @draw: where to draw it, in layout coordinates
 * @viewport: (nullable): the area to paint; %NULL for the whole layout
 * @options: (nullable): theme and background
 *
 * Draws the items that meet @viewport, found through the layout's
 * spatial index; nothing else is visited. Every backend goes through
 * here: this is the one painter.
 *
 * Returns: how many items were drawn
 */
guint
bc_painter_draw (BcLayout             *layout,
                 BcDraw               *draw,
                 const BcRect         *viewport,
                 const BcPaintOptions *options)
{
  BcPaintOptions defaults;
  BcRect whole = { 0, 0, layout->width, layout->height };
  g_autoptr(GArray) hits = NULL;
  const BcPainterTheme *th;

  if (options == NULL)
    {
      bc_paint_options_init (&defaults);
      options = &defaults;
    }
  if (viewport == NULL)
    viewport = &whole;
  th = _bc_painter_theme (options->theme);

  if (options->background)
    {
      bc_draw_rectangle (draw, viewport->x, viewport->y, viewport->width, viewport->height);
      fill (draw, th->bg);
    }

  hits = bc_layout_query (layout, viewport);
  for (guint i = 0; i < hits->len; i++)
    {
      BcLayoutItem *item = &g_array_index (layout->items, BcLayoutItem, g_array_index (hits, guint, i));

      switch (item->kind)
        {
        case BC_LAYOUT_ITEM_TITLE:
          paint_title (layout, draw, th);
          break;
        case BC_LAYOUT_ITEM_LANE:
          paint_lane (layout, draw, th, item->index, !options->pinned);
          break;
        case BC_LAYOUT_ITEM_TICK:
          paint_tick (layout, draw, th, item->index, !options->pinned);
          break;
        case BC_LAYOUT_ITEM_SECTOR:
          paint_sector (layout, draw, th, item->index);
          break;
        case BC_LAYOUT_ITEM_SECTOR_LABEL:
          paint_sector_label (layout, draw, th, item->index);
          break;
        case BC_LAYOUT_ITEM_CROSSOVER:
          paint_crossover (layout, draw, th, options->theme, item->index);
          break;
        case BC_LAYOUT_ITEM_LINK:
          paint_link (layout, draw, th, item->index);
          break;
        case BC_LAYOUT_ITEM_EVENT:
          paint_event (layout, draw, th, item->index);
          break;
        case BC_LAYOUT_ITEM_ACTOR:
          paint_actor (layout, draw, th, item->index);
          break;
        case BC_LAYOUT_ITEM_TRANSFER:
          paint_transfer (layout, draw, th, options->theme, item->index);
          break;
        case BC_LAYOUT_ITEM_LEGEND:
          paint_legend (layout, draw, th, options->theme);
          break;
        default:
          break;
        }
    }
  return hits->len;
}

/**
 * bc_painter_paint:
 * @layout: the geometry to paint
 * @cr: a cairo context in layout coordinates
 * @viewport: (nullable): the area to paint; %NULL for the whole layout
 * @options: (nullable): theme and background
 *
 * bc_painter_draw() on @cr, clipped to @viewport: the screen, PNG, PDF
 * and print.
 *
 * Returns: how many items were painted
 */
guint
bc_painter_paint (BcLayout             *layout,
                  cairo_t              *cr,
                  const BcRect         *viewport,
                  const BcPaintOptions *options)
{
  g_autoptr(BcDraw) draw = bc_draw_cairo_new (cr);
  guint n;

  cairo_save (cr);
  if (viewport != NULL)
    {
      cairo_rectangle (cr, viewport->x, viewport->y, viewport->width, viewport->height);
      cairo_clip (cr);
    }
  n = bc_painter_draw (layout, draw, viewport, options);
  cairo_restore (cr);
  return n;
}
