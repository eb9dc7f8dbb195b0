/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-case.h"

G_BEGIN_DECLS

typedef enum
{
  BC_VIEW_LANES, /*< nick=lanes >*/
  BC_VIEW_WHEEL, /*< nick=wheel >*/
} BcView;

typedef enum
{
  BC_TIME_SCALE_PROPORTIONAL, /*< nick=proportional >*/
  BC_TIME_SCALE_SEQUENCE,     /*< nick=sequence >*/
  BC_TIME_SCALE_BALANCED,     /*< nick=balanced >*/
} BcTimeScale;

typedef enum
{
  BC_THEME_LIGHT, /*< nick=light >*/
  BC_THEME_DARK,  /*< nick=dark >*/
} BcTheme;

/* Which actors' storylines (paths through the lanes) are drawn. */
typedef enum
{
  BC_ACTOR_PATHS_ALL,      /*< nick=all >*/
  BC_ACTOR_PATHS_SELECTED, /*< nick=selected >*/
  BC_ACTOR_PATHS_NONE,     /*< nick=none >*/
} BcActorPaths;

/**
 * BcLayoutOptions:
 * @view: lanes or wheel
 * @time_scale: how dates become x positions in the lanes view
 * @tracks: a mask of BC_TRACK_BIT() values; 0 means every track
 * @show_empty_tracks: keep lanes for tracks with no event
 * @first_day: first Julian day shown, or 0 for the start of the case
 * @last_day: last Julian day shown, or 0 for the end of the case
 * @known_on: hide what was not yet known (happened or disclosed) on
 *   this date; unset shows everything
 * @highlight: a #BcMechanism to bring forward, or -1
 * @width: width of the drawing in user units, or 0 for the default
 * @actor_paths: which storylines to draw; %BC_ACTOR_PATHS_SELECTED draws
 *   only the path of @focus when it names an actor
 * @focus: the id of an item in focus, or several separated by commas (the
 *   items of a story step), or %NULL: an actor's storyline, what they
 *   carried and took part in stay, and so on for each item named; the
 *   rest is marked faded. Borrowed by the caller; bc_layout_new() keeps
 *   its own copy.
 * @frame: lay out the title block (title, period, sources) and the legend;
 *   exports have it, the window has it on request
 *
 * What the layout shows. Initialise with bc_layout_options_init().
 */
typedef struct
{
  BcView      view;
  BcTimeScale time_scale;
  guint       tracks;
  gboolean    show_empty_tracks;
  guint32     first_day;
  guint32     last_day;
  BcDate      known_on;
  int         highlight;
  double      width;
  BcActorPaths actor_paths;
  const char  *focus;
  gboolean     frame;
} BcLayoutOptions;

typedef struct
{
  double x, y, width, height;
} BcRect;

typedef struct
{
  double x, y;
} BcPoint;

typedef enum
{
  BC_LAYOUT_ITEM_TITLE,
  BC_LAYOUT_ITEM_LANE,
  BC_LAYOUT_ITEM_TICK,
  BC_LAYOUT_ITEM_SECTOR,
  BC_LAYOUT_ITEM_CROSSOVER,
  BC_LAYOUT_ITEM_LINK,
  BC_LAYOUT_ITEM_EVENT,
  BC_LAYOUT_ITEM_ACTOR,
  BC_LAYOUT_ITEM_TRANSFER,
  BC_LAYOUT_ITEM_SECTOR_LABEL,
  BC_LAYOUT_ITEM_LEGEND,
} BcLayoutItemKind;

/* Everything the painter can draw is an item: its kind, its index in the
 * array of that kind, and the box it may paint into (for culling). Items
 * are stored in paint order. */
typedef struct
{
  BcLayoutItemKind kind;
  guint            index;
  BcRect           bounds;
} BcLayoutItem;

typedef struct
{
  BcTrack track;
  BcRect  rect;   /* the whole lane, header included */
  BcRect  header; /* the band at the top of the lane that names it */
  char   *label;  /* "Track 2 · Professional / nongovernmental" */
} BcLayoutLane;

typedef struct
{
  double x;
  gboolean major;
  char *label;
} BcLayoutTick;

typedef struct
{
  BcEvent         *event; /* borrowed from the case the layout holds */
  guint            lane;
  BcEventType      type;
  BcRect           node;  /* the shape; its centre is the event's anchor */
  BcRect           bar;   /* a range or an imprecise date; width 0 if none */
  gboolean         imprecise;
  BcRect           label; /* the whole label box; never narrower than its text */
  char            *text;  /* the whole title, lines broken by '\n' (≤ 3) */
  gboolean         halo;  /* a line crosses the label: paint a halo under it */
  gboolean         leader; /* the label sits away from its mark: draw a leader */
  BcPoint          leader_from, leader_to;
  gboolean         faded; /* out of focus (see BcLayoutOptions.focus) */
  guint            annotations; /* how many annotations are about it */
  BcRect           mark;        /* the annotation mark; width 0 if none */
} BcLayoutEvent;

/* The most pieces a line's path has: a detour around labels of up to
 * six straight runs with a rounded corner between each two. */
#define BC_CURVE_MAX_SEGMENTS 11

/* Transfers, links and wheel chords: a chain of cubic Bézier segments,
 * p[0] → p[3] → … → p[3 * n_segments], each one's end the next one's
 * start. A chord of the wheel is one segment. */
typedef struct
{
  GObject         *object; /* BcTransfer or BcLink, borrowed */
  int              from;   /* event index in the lanes view, actor in the wheel */
  int              to;
  BcPoint          p[3 * BC_CURVE_MAX_SEGMENTS + 1];
  guint            n_segments;
  BcMechanism      mechanism;
  BcTransferStatus status;
  BcDirection      direction;
  double           weight;
  guint            annotations; /* a transfer's own and the case's about it */
  BcRect           mark;        /* the annotation mark; width 0 if none */
  gboolean         faded;       /* out of focus */
  guint            count;       /* wheel chords: transfers bundled in it */
} BcLayoutCurve;

typedef struct
{
  BcActor *actor; /* borrowed */
  GArray  *points; /* BcPoint: a polyline through the lanes, dense enough
                    * to be drawn as straight segments */
  guint    style;  /* the actor's own style: fixed by its place among the
                    * case's actors, never by a filter */
  gboolean faded;  /* out of focus */
} BcLayoutCrossover;

/* An actor of the wheel: a small disc on a ring inside the rim, its
 * label running outwards past the rim along the ray through it. */
typedef struct
{
  BcActor *actor;
  BcTrack  track;
  BcPoint  centre;
  double   angle; /* radians, for the label running outwards */
  double   orbit; /* the distance of the disc from the wheel's centre */
  BcRect   node;  /* the disc's box; its centre is @centre */
  char    *text;
  /* The label's box in the frame of the ray: from @label_from to
   * @label_from + @label_width out from the wheel's centre, as tall as
   * @label_height across the ray. */
  double   label_from;
  double   label_width;
  double   label_height;
  guint    annotations;
  BcRect   mark;  /* the annotation mark; width 0 if none */
  gboolean flip;  /* on the left half: the label is turned over so that
                   * it reads left to right, flush against the rim */
  gboolean faded; /* out of focus (see BcLayoutOptions.focus) */
} BcLayoutActor;

typedef struct
{
  BcTrack track;
  double  angle0, angle1;
  double  inner, outer;
  BcPoint centre;
  BcPoint label_at;
  char   *label;
} BcLayoutSector;

typedef enum
{
  BC_LEGEND_HEADING,
  BC_LEGEND_TRACK,
  BC_LEGEND_MECHANISM,
  BC_LEGEND_STATUS,
  BC_LEGEND_EVENT_TYPE,
  BC_LEGEND_CROSSOVER,
  BC_LEGEND_PRECISION,
} BcLegendKind;

typedef struct
{
  BcLegendKind kind;
  int          value;
  BcRect       swatch;
  BcRect       text_box;
  char        *text;
} BcLegendEntry;

/**
 * BcLayoutHit:
 * @kind: %BC_LAYOUT_ITEM_EVENT, %BC_LAYOUT_ITEM_ACTOR or
 *   %BC_LAYOUT_ITEM_TRANSFER
 * @index: the index in the layout's array of that kind
 * @object: the #BcEvent, #BcActor or #BcTransfer shown (borrowed)
 *
 * An item of the case where the layout drew it: what bc_layout_pick()
 * finds under a point and bc_layout_find() finds for an object.
 */
typedef struct
{
  BcLayoutItemKind kind;
  guint            index;
  GObject         *object;
} BcLayoutHit;

typedef struct _BcLayout BcLayout;

struct _BcLayout
{
  BcCase          *kase;
  BcLayoutOptions  options;
  double           width, height;

  /* title block */
  BcRect           title_rect;
  char            *title;
  char            *period;
  char            *sources;

  BcRect           plot;     /* the area where time runs, lanes view */
  BcRect           legend_rect;
  BcPoint          wheel_centre;
  double           wheel_radius;

  GArray          *lanes;      /* BcLayoutLane */
  GArray          *ticks;      /* BcLayoutTick */
  GArray          *events;     /* BcLayoutEvent */
  GArray          *links;      /* BcLayoutCurve */
  GArray          *transfers;  /* BcLayoutCurve */
  GArray          *crossovers; /* BcLayoutCrossover */
  GArray          *actors;     /* BcLayoutActor */
  GArray          *sectors;    /* BcLayoutSector */
  GArray          *legend;     /* BcLegendEntry */

  GArray          *items;      /* BcLayoutItem, in paint order */

  /* The spatial index: a uniform grid of cells, each a GArray of item
   * indices in ascending (paint) order. */
  double           cell_size;
  guint            n_cols, n_rows;
  GArray         **cells;

  /* The time axis of the lanes view: the Julian days at the left and
   * right of the plot and, on the sequence scale, the (day, x) pairs of
   * the events. Read through bc_layout_day_to_x() and
   * bc_layout_x_to_day(). */
  guint32          day0, day1;
  GArray          *time_points;

  char            *focus; /* the copy options.focus points to */
  GPtrArray       *focus_items; /* the items it names (borrowed from the case) */
};

void       bc_layout_options_init  (BcLayoutOptions       *options);

const char * const *bc_time_scale_get_nicks (void);
const char *bc_time_scale_to_nick   (BcTimeScale            scale);
gboolean    bc_time_scale_from_nick (const char            *nick,
                                     BcTimeScale           *scale);
BcLayout  *bc_layout_new           (BcCase                *kase,
                                    const BcLayoutOptions *options);
void       bc_layout_free          (BcLayout              *self);
void       bc_layout_load_fonts    (BcCase                *kase);
GArray    *bc_layout_query         (BcLayout              *self,
                                    const BcRect          *rect);
int        bc_layout_find_event    (BcLayout              *self,
                                    const char            *id);
gboolean   bc_layout_pick          (BcLayout              *self,
                                    double                 x,
                                    double                 y,
                                    double                 slack,
                                    BcLayoutHit           *hit);
gboolean   bc_layout_find          (BcLayout              *self,
                                    GObject               *object,
                                    BcLayoutHit           *hit);
void       bc_layout_hit_shape     (BcLayout              *self,
                                    const BcLayoutHit     *hit,
                                    BcRect                *shape);
BcPoint    bc_layout_hit_anchor    (BcLayout              *self,
                                    const BcLayoutHit     *hit);
gboolean   bc_layout_step          (BcLayout              *self,
                                    const BcLayoutHit     *from,
                                    int                    dx,
                                    int                    dy,
                                    BcLayoutHit           *to);
BcPoint    bc_layout_curve_end     (const BcLayoutCurve   *c);
BcPoint    bc_layout_curve_at      (const BcLayoutCurve   *c,
                                    double                 t);
BcPoint    bc_layout_curve_middle  (const BcLayoutCurve   *c);
BcPoint    bc_curve_point          (const BcPoint         *p,
                                    double                 t);
char      *bc_layout_to_dot        (BcLayout              *self);
double     bc_layout_day_to_x      (BcLayout              *self,
                                    double                 day);
double     bc_layout_x_to_day      (BcLayout              *self,
                                    double                 x);
void       bc_layout_transfer_path (const BcRect          *from,
                                    const BcRect          *to,
                                    BcPoint               *p);

gboolean   bc_rect_intersects      (const BcRect          *a,
                                    const BcRect          *b);
BcRect     bc_rect_union           (BcRect                 a,
                                    BcRect                 b);
char      *bc_layout_focus_join    (const char * const    *ids);
gboolean   bc_rect_contains        (const BcRect          *outer,
                                    const BcRect          *inner);
gboolean   bc_rect_contains_point  (const BcRect          *r,
                                    double                 x,
                                    double                 y,
                                    double                 slack);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcLayout, bc_layout_free)

G_END_DECLS
