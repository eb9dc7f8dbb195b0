/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-svg"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <unistd.h>

#include "bc-export.h"
#include "bc-enum-types.h"
#include "bc-painter.h"
#include "bc-render-private.h"
#include "render-test-util.h"

/* The SVG export as a document: groups with ids, classes and titles
 * for every item, text as text, metadata and links, and a picture that
 * xmllint accepts and librsvg renders like the PNG. */

#define SVG_NS "http://www.w3.org/2000/svg"

static const char rtl_case[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<case version=\"1\" id=\"rtl-test\" xml:lang=\"ar\">\n"
  "  <title>قناة أوسلو: من المحادثات السرية إلى إعلان المبادئ</title>\n"
  "  <period start=\"1993-01\" end=\"1993-09\"/>\n"
  "  <actors>\n"
  "    <actor id=\"qurei\" track=\"1\" type=\"person\"><name>أحمد قريع</name></actor>\n"
  "    <actor id=\"pundak\" track=\"2\" type=\"person\"><name>רון פונדק</name></actor>\n"
  "  </actors>\n"
  "  <events>\n"
  "    <event id=\"sarpsborg\" track=\"2\" type=\"meeting\" date=\"1993-01-20\">\n"
  "      <title>الاجتماع الأول في النرويج</title>\n"
  "      <participant ref=\"pundak\"/>\n"
  "    </event>\n"
  "    <event id=\"signing\" track=\"1\" type=\"signing\" date=\"1993-09-13\">\n"
  "      <title>חתימה על הצהרת העקרונות</title>\n"
  "      <participant ref=\"qurei\"/>\n"
  "    </event>\n"
  "  </events>\n"
  "  <transfers>\n"
  "    <transfer id=\"draft\" from=\"sarpsborg\" to=\"signing\" mechanism=\"draft-text\">\n"
  "      <title>مسودة</title>\n"
  "    </transfer>\n"
  "  </transfers>\n"
  "</case>\n";

/* auxiliary functions */

static BcLayout *
layout_of (BcCase  *c,
           BcView   view)
{
  BcLayoutOptions options;

  bc_layout_options_init (&options);
  options.view = view;
  return bc_layout_new (c, &options);
}

static GBytes *
export (BcLayout     *layout,
        BcExportType  type,
        BcTheme       theme)
{
  BcExportOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bc_export_options_init (&options);
  options.layout = layout->options;
  options.theme = theme;
  bytes = bc_export_layout_to_bytes (layout, type, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

typedef struct
{
  xmlDocPtr          doc;
  xmlXPathContextPtr xpath;
} Svg;

static void
svg_clear (Svg *svg)
{
  g_clear_pointer (&svg->xpath, xmlXPathFreeContext);
  g_clear_pointer (&svg->doc, xmlFreeDoc);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Svg, svg_clear)

static void
svg_parse (Svg    *svg,
           GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  svg->doc = xmlReadMemory (data, (int) size, "export.svg", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (svg->doc);
  svg->xpath = xmlXPathNewContext (svg->doc);
  xmlXPathRegisterNs (svg->xpath, BAD_CAST "s", BAD_CAST SVG_NS);
}

static xmlXPathObjectPtr
query (Svg        *svg,
       const char *expression)
{
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST expression, svg->xpath);

  if (result == NULL)
    g_error ("XPath %s does not evaluate", expression);
  return result;
}

static guint
count (Svg        *svg,
       const char *expression)
{
  xmlXPathObjectPtr result = query (svg, expression);
  guint n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

/* The string value of the first node @expression finds, or NULL. */
static char *
string_of (Svg        *svg,
           const char *expression)
{
  xmlXPathObjectPtr result = query (svg, expression);
  char *text = NULL;

  if (result->nodesetval != NULL && result->nodesetval->nodeNr > 0)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);
      text = g_strdup ((const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  return text;
}

/* The group of item @id: it exists once, its classes include each of
 * @classes, and its <title> includes @title. */
static void
assert_group (Svg                *svg,
              const char         *id,
              const char * const *classes,
              const char         *title)
{
  g_autofree char *at = g_strdup_printf ("//s:g[@id='%s']", id);
  g_autofree char *title_at = g_strdup_printf ("%s/s:title", at);
  g_autofree char *class_at = g_strdup_printf ("%s/@class", at);
  g_autofree char *class_value = NULL;
  g_autofree char *title_value = NULL;
  g_auto(GStrv) words = NULL;

  if (count (svg, at) != 1)
    g_error ("%u groups with id %s, not one", count (svg, at), id);
  class_value = string_of (svg, class_at);
  g_assert_nonnull (class_value);
  words = g_strsplit (class_value, " ", -1);
  for (guint i = 0; classes[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) words, classes[i]))
      g_error ("group %s: class “%s” lacks %s", id, class_value, classes[i]);
  title_value = string_of (svg, title_at);
  if (title_value == NULL || strstr (title_value, title) == NULL)
    g_error ("group %s: title “%s” does not name “%s”", id, title_value, title);
}

static char *
track_class (const char *prefix,
             BcTrack     track)
{
  g_autofree char *nick = g_strdup (bc_enum_to_nick (BC_TYPE_TRACK, track));

  g_strdelimit (nick, ".", '-');
  return g_strconcat (prefix, nick, NULL);
}

static char *
write_temporary (GBytes     *bytes,
                 const char *pattern)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (pattern, &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  return path;
}

static BcCase *
load_rtl_case (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (rtl_case, strlen (rtl_case));
  g_autofree char *path = write_temporary (bytes, "bc-rtl-XXXXXX.bcase");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BcCase *c = bc_case_read_file (file, NULL, NULL, &error);

  g_unlink (path);
  g_assert_no_error (error);
  return c;
}

/* tests */

static void
test_items_are_titled_groups (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    for (int view = 0; view < 2; view++)
      {
        g_autoptr(BcCase) c = load_bundled (bundled[n]);
        g_autoptr(BcLayout) l = layout_of (c, view);
        g_autoptr(GBytes) bytes = export (l, BC_EXPORT_SVG, BC_THEME_LIGHT);
        g_auto(Svg) svg = { 0 };
        g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        xmlXPathObjectPtr all;

        svg_parse (&svg, bytes);

        for (guint i = 0; i < l->events->len; i++)
          {
            BcLayoutEvent *e = &g_array_index (l->events, BcLayoutEvent, i);
            g_autofree char *id = g_strconcat ("event-", bc_item_get_id (BC_ITEM (e->event)), NULL);
            g_autofree char *track = track_class ("track-", bc_event_get_track (e->event));
            g_autofree char *date = bc_date_to_string (bc_event_get_date (e->event));
            const char *classes[] = { "event", track,
                                      bc_enum_to_nick (BC_TYPE_EVENT_TYPE, e->type), NULL };

            assert_group (&svg, id, classes, bc_event_get_title (e->event));
            assert_group (&svg, id, classes, date);
            assert_group (&svg, id, classes, bc_track_get_label (bc_event_get_track (e->event)));
          }

        for (guint i = 0; i < l->transfers->len && view == BC_VIEW_LANES; i++)
          {
            BcLayoutCurve *t = &g_array_index (l->transfers, BcLayoutCurve, i);
            BcTransfer *transfer = BC_TRANSFER (t->object);
            BcEvent *to = bc_case_lookup_event (c, bc_transfer_get_to (transfer));
            g_autofree char *id = g_strconcat ("transfer-", bc_item_get_id (BC_ITEM (transfer)), NULL);
            g_autofree char *to_track = track_class ("to-track-", bc_event_get_track (to));
            const char *classes[] = { "transfer", to_track,
                                      bc_enum_to_nick (BC_TYPE_MECHANISM, t->mechanism),
                                      bc_enum_to_nick (BC_TYPE_TRANSFER_STATUS, t->status),
                                      bc_enum_to_nick (BC_TYPE_DIRECTION, t->direction), NULL };

            assert_group (&svg, id, classes, bc_mechanism_get_label (t->mechanism));
            if (bc_transfer_get_title (transfer) != NULL)
              assert_group (&svg, id, classes, bc_transfer_get_title (transfer));
          }
        /* On the wheel a transfer is a chord between two of its actors,
         * one group each. */
        if (view == BC_VIEW_WHEEL)
          g_assert_cmpuint (count (&svg, "//s:g[starts-with(@id, 'transfer-')]"), ==, l->transfers->len);

        for (guint i = 0; i < l->links->len; i++)
          {
            BcLayoutCurve *k = &g_array_index (l->links, BcLayoutCurve, i);
            BcLink *link = BC_LINK (k->object);
            g_autofree char *id = g_strdup_printf ("link-%s-%s", bc_link_get_from (link),
                                                   bc_link_get_to (link));
            const char *classes[] = { "link", bc_enum_to_nick (BC_TYPE_LINK_TYPE,
                                                               bc_link_get_link_type (link)), NULL };

            if (view == BC_VIEW_LANES)
              assert_group (&svg, id, classes,
                            bc_event_get_title (bc_case_lookup_event (c, bc_link_get_from (link))));
          }
        if (view == BC_VIEW_WHEEL)
          g_assert_cmpuint (count (&svg, "//s:g[starts-with(@id, 'link-')]"), ==, l->links->len);

        for (guint i = 0; i < l->lanes->len; i++)
          {
            BcLayoutLane *lane = &g_array_index (l->lanes, BcLayoutLane, i);
            g_autofree char *id = track_class ("track-", lane->track);
            const char *classes[] = { "track", id, NULL };

            assert_group (&svg, id, classes, lane->label);
          }
        for (guint i = 0; i < l->sectors->len; i++)
          {
            BcLayoutSector *sector = &g_array_index (l->sectors, BcLayoutSector, i);
            g_autofree char *id = track_class ("track-", sector->track);
            const char *classes[] = { "track", "sector", id, NULL };

            assert_group (&svg, id, classes, sector->label);
          }

        for (guint i = 0; i < l->actors->len; i++)
          {
            BcLayoutActor *a = &g_array_index (l->actors, BcLayoutActor, i);
            g_autofree char *id = g_strconcat ("actor-", bc_item_get_id (BC_ITEM (a->actor)), NULL);
            g_autofree char *track = track_class ("track-", bc_actor_get_track (a->actor));
            const char *classes[] = { "actor", track, NULL };

            assert_group (&svg, id, classes, bc_actor_get_name (a->actor));
          }
        for (guint i = 0; i < l->crossovers->len; i++)
          {
            BcLayoutCrossover *x = &g_array_index (l->crossovers, BcLayoutCrossover, i);
            g_autofree char *id = g_strconcat ("actor-", bc_item_get_id (BC_ITEM (x->actor)), NULL);
            const char *classes[] = { "actor", "storyline", NULL };

            if (x->points->len > 0)
              assert_group (&svg, id, classes, bc_actor_get_name (x->actor));
          }
        g_assert_cmpuint (l->events->len + l->actors->len, >, 0);

        /* Every id once in the document. */
        all = query (&svg, "//@id");
        for (int i = 0; all->nodesetval != NULL && i < all->nodesetval->nodeNr; i++)
          {
            xmlChar *value = xmlNodeGetContent (all->nodesetval->nodeTab[i]);
            if (!g_hash_table_add (ids, g_strdup ((const char *) value)))
              g_error ("%s: id %s appears twice", bundled[n], value);
            xmlFree (value);
          }
        xmlXPathFreeObject (all);
      }
}

static char *
without_spaces (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static void
test_text_is_text (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    for (int view = 0; view < 2; view++)
      {
        g_autoptr(BcCase) c = load_bundled (bundled[n]);
        g_autoptr(BcLayout) l = layout_of (c, view);
        g_autoptr(GBytes) bytes = export (l, BC_EXPORT_SVG, BC_THEME_LIGHT);
        g_auto(Svg) svg = { 0 };
        guint labelled = 0;

        svg_parse (&svg, bytes);
        /* cairo's SVG surface drew glyphs as <symbol>s used by <use>. */
        g_assert_cmpuint (count (&svg, "//s:use | //s:symbol | //*[starts-with(@id, 'glyph')]"), ==, 0);
        g_assert_cmpuint (count (&svg, "//s:text//s:path"), ==, 0);
        g_assert_cmpuint (count (&svg, "//s:text[not(@font-family) or not(@font-size)]"), ==, 0);
        g_assert_cmpuint (count (&svg, "//s:text[@font-weight='bold']"), >, 0);

        for (guint i = 0; i < l->events->len; i++)
          {
            BcLayoutEvent *e = &g_array_index (l->events, BcLayoutEvent, i);
            g_autofree char *at = NULL;
            g_autofree char *shown = NULL;
            g_autofree char *id = NULL;
            double w, h;

            if (e->label.width <= 0)
              continue;
            labelled++;
            id = g_strconcat ("event-", bc_item_get_id (BC_ITEM (e->event)), NULL);
            at = g_strdup_printf ("//s:g[@id='%s']/s:text", id);
            shown = string_of (&svg, at);
            g_assert_nonnull (shown);
            /* The whole title where it fits its box, else its start. */
            bc_draw_text_size (BC_FONT_LABEL, e->text, 0, 1, &w, &h);
            /* A label wrapped on several lines reads with a space where
             * it breaks. */
            if (w <= e->label.width + 0.5)
              {
                g_autofree char *read = g_strdelimit (g_strdup (e->text), "\n", ' ');

                g_assert_cmpstr (shown, ==, read);
              }
            else
              g_assert_true (g_str_has_suffix (shown, "…"));
          }
        for (guint i = 0; i < l->actors->len; i++)
          {
            BcLayoutActor *a = &g_array_index (l->actors, BcLayoutActor, i);
            g_autofree char *at = g_strdup_printf ("//s:g[@id='actor-%s']//s:text",
                                                   bc_item_get_id (BC_ITEM (a->actor)));
            g_autofree char *shown = string_of (&svg, at);

            g_assert_nonnull (shown);
            /* A name wrapped on two lines is one text of two tspans:
             * compare without the breaks and spaces. */
            {
              g_autofree char *want = without_spaces (a->text);
              g_autofree char *got = without_spaces (shown);

              g_assert_true (g_str_has_prefix (want, got) || g_str_has_suffix (got, "…"));
            }
          }
        if (view == BC_VIEW_LANES)
          g_assert_cmpuint (labelled, >, 0);
      }
}

static void
test_document_title_and_links (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES);
      g_autoptr(GBytes) bytes = export (l, BC_EXPORT_SVG, BC_THEME_LIGHT);
      g_auto(Svg) svg = { 0 };
      g_autofree char *title = NULL;
      g_autofree char *desc = NULL;
      GListModel *sources = bc_case_get_sources (c);
      xmlXPathObjectPtr links;
      guint with_url = 0;

      svg_parse (&svg, bytes);
      title = string_of (&svg, "/s:svg/s:title");
      desc = string_of (&svg, "/s:svg/s:desc");
      g_assert_cmpstr (title, ==, bc_case_get_title (c));
      g_assert_cmpstr (desc, ==, bc_case_get_summary (c));

      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(BcSource) s = g_list_model_get_item (sources, i);
          with_url += bc_source_get_url (s) != NULL;
        }

      /* Each link in the sources line leads to the address of a source
       * of the case and holds that source's name as the line shows it;
       * a name broken over two lines is two links to one address, one
       * on each line, which read together as the name. */
      links = query (&svg, "//s:g[@id='title-block']/s:text//s:a");
      for (int i = 0; links->nodesetval != NULL && i < links->nodesetval->nodeNr; i++)
        {
          xmlNodePtr a = links->nodesetval->nodeTab[i];
          xmlChar *href = xmlGetProp (a, BAD_CAST "href");
          xmlChar *part = xmlNodeGetContent (a);
          g_autoptr(GString) name = g_string_new ((const char *) part);
          gboolean found = FALSE;

          xmlFree (part);
          while (i + 1 < links->nodesetval->nodeNr)
            {
              xmlNodePtr next = links->nodesetval->nodeTab[i + 1];
              xmlChar *next_href = xmlGetProp (next, BAD_CAST "href");
              gboolean same = xmlStrEqual (next_href, href);

              xmlFree (next_href);
              if (!same || next->parent == a->parent)
                break;
              part = xmlNodeGetContent (next);
              if (name->len > 0 && name->str[name->len - 1] != ' ')
                g_string_append_c (name, ' ');
              g_string_append (name, (const char *) part);
              xmlFree (part);
              a = next;
              i++;
            }
          for (guint k = 0; k < g_list_model_get_n_items (sources) && !found; k++)
            {
              g_autoptr(BcSource) s = g_list_model_get_item (sources, k);
              found = g_strcmp0 (bc_source_get_url (s), (const char *) href) == 0 &&
                      g_str_has_prefix (bc_source_get_citation (s), name->str);
            }
          if (!found)
            g_error ("%s: link “%s” → %s is no source of the case", bundled[n], name->str, href);
          xmlFree (href);
        }
      if (with_url > 0)
        g_assert_cmpint (links->nodesetval != NULL ? links->nodesetval->nodeNr : 0, >, 0);
      xmlXPathFreeObject (links);
    }
}

static void
test_right_to_left_stays_text (void)
{
  g_autoptr(BcCase) c = load_rtl_case ();

  for (int view = 0; view < 2; view++)
    {
      g_autoptr(BcLayout) l = layout_of (c, view);
      g_autoptr(GBytes) bytes = export (l, BC_EXPORT_SVG, BC_THEME_LIGHT);
      g_auto(Svg) svg = { 0 };
      g_autofree char *title = NULL;

      svg_parse (&svg, bytes);
      title = string_of (&svg, "//s:g[@id='title-block']/s:text[@direction='rtl']");
      g_assert_cmpstr (title, ==, bc_case_get_title (c));
      g_assert_cmpuint (count (&svg, "//s:use | //s:symbol"), ==, 0);
      if (view == BC_VIEW_LANES)
        {
          g_autofree char *label = string_of (&svg, "//s:g[@id='event-sarpsborg']/s:text[@direction='rtl']");
          g_autofree char *hebrew = string_of (&svg, "//s:g[@id='event-signing']/s:text[@direction='rtl']");

          g_assert_cmpstr (label, ==, "الاجتماع الأول في النرويج");
          g_assert_cmpstr (hebrew, ==, "חתימה על הצהרת העקרונות");
        }
      else
        {
          g_autofree char *name = string_of (&svg, "//s:g[@id='actor-qurei']//s:text[@direction='rtl']");
          g_assert_cmpstr (name, ==, "أحمد قريع");
        }
    }
}

/* The fields a layout sets for a label placed away from its mark, a
 * line through it and an item out of focus. */
static void
test_label_contract (void)
{
  g_autoptr(BcCase) c = load_bundled ("oslo");
  g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES);
  BcLayoutEvent *e = &g_array_index (l->events, BcLayoutEvent, 0);
  BcLayoutCurve *t = &g_array_index (l->transfers, BcLayoutCurve, 0);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(Svg) svg = { 0 };
  g_autofree char *id = g_strconcat ("event-", bc_item_get_id (BC_ITEM (e->event)), NULL);
  g_autofree char *transfer_id = g_strconcat ("transfer-", bc_item_get_id (BC_ITEM (t->object)), NULL);
  g_autofree char *at = NULL;
  g_autofree char *whole = NULL;
  double w, h;

  g_free (e->text);
  e->text = g_strdup ("Secret talks <begin> & \"go on\"\nat a manor near\nSarpsborg, Norway");
  bc_draw_text_size (BC_FONT_LABEL, e->text, 0, 1, &w, &h);
  e->label.width = w;
  e->label.height = h;
  e->halo = TRUE;
  e->leader = TRUE;
  e->leader_from = (BcPoint) { e->label.x, e->label.y + 2 };
  e->leader_to = (BcPoint) { e->node.x, e->node.y };
  e->faded = TRUE;
  t->faded = TRUE;

  bytes = export (l, BC_EXPORT_SVG, BC_THEME_LIGHT);
  svg_parse (&svg, bytes);

  /* One <text>, a <tspan> a line, the whole title in them. */
  at = g_strdup_printf ("//s:g[@id='%s']/s:text", id);
  g_assert_cmpuint (count (&svg, at), ==, 1);
  g_free (at);
  at = g_strdup_printf ("//s:g[@id='%s']/s:text/s:tspan", id);
  g_assert_cmpuint (count (&svg, at), ==, 3);
  g_free (at);
  at = g_strdup_printf ("//s:g[@id='%s']/s:text/s:tspan[1]", id);
  whole = string_of (&svg, at);
  g_assert_cmpstr (whole, ==, "Secret talks <begin> & \"go on\"");
  g_free (at);
  at = g_strdup_printf ("//s:g[@id='%s']/s:text/s:tspan[3]", id);
  g_free (whole);
  whole = string_of (&svg, at);
  g_assert_cmpstr (whole, ==, "Sarpsborg, Norway");

  /* The halo: an outline in the background colour under the glyphs. */
  g_free (at);
  at = g_strdup_printf ("//s:g[@id='%s']/s:text[@paint-order='stroke' and @stroke='#ffffff']", id);
  g_assert_cmpuint (count (&svg, at), ==, 1);

  /* The leader: a thin line from the label to the mark. */
  g_free (at);
  at = g_strdup_printf ("//s:g[@id='%s']/s:path[@fill='none' and @stroke-width='0.7']", id);
  g_assert_cmpuint (count (&svg, at), ==, 1);

  /* Faded: the whole group at a quarter opacity, and said so. */
  g_free (at);
  at = g_strdup_printf ("//s:g[@id='%s' and @opacity='0.25' and contains(@class, 'faded')]", id);
  g_assert_cmpuint (count (&svg, at), ==, 1);
  g_free (at);
  at = g_strdup_printf ("//s:g[@id='%s' and @opacity='0.25']", transfer_id);
  g_assert_cmpuint (count (&svg, at), ==, 1);
}

static void
test_narrow_box_shortens (void)
{
  g_autoptr(BcCase) c = load_bundled ("camp-david");
  g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES);
  BcLayoutEvent *e = &g_array_index (l->events, BcLayoutEvent, 0);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(Svg) svg = { 0 };
  g_autofree char *at = NULL;
  g_autofree char *shown = NULL;
  double w, h;

  g_free (e->text);
  e->text = g_strdup ("A title far too long for the box a layout gave it");
  e->label.width = 80;
  bytes = export (l, BC_EXPORT_SVG, BC_THEME_LIGHT);
  svg_parse (&svg, bytes);
  at = g_strdup_printf ("//s:g[@id='event-%s']/s:text", bc_item_get_id (BC_ITEM (e->event)));
  shown = string_of (&svg, at);
  g_assert_true (g_str_has_prefix (shown, "A title"));
  g_assert_true (g_str_has_suffix (shown, "…"));
  bc_draw_text_size (BC_FONT_LABEL, shown, 0, 1, &w, &h);
  g_assert_cmpfloat (w, <=, 80.5);
}

static void
test_same_bytes (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    for (int view = 0; view < 2; view++)
      {
        g_autoptr(BcCase) c = load_bundled (bundled[n]);
        g_autoptr(BcLayout) a = layout_of (c, view);
        g_autoptr(BcLayout) b = layout_of (c, view);
        g_autoptr(GBytes) one = export (a, BC_EXPORT_SVG, BC_THEME_DARK);
        g_autoptr(GBytes) two = export (b, BC_EXPORT_SVG, BC_THEME_DARK);

        g_assert_true (g_bytes_equal (one, two));
      }
}

static void
test_xmllint_accepts (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }
  for (guint n = 0; n <= G_N_ELEMENTS (bundled); n++)
    for (int view = 0; view < 2; view++)
      {
        g_autoptr(BcCase) c = n < G_N_ELEMENTS (bundled) ? load_bundled (bundled[n]) : load_rtl_case ();
        g_autoptr(BcLayout) l = layout_of (c, view);
        g_autoptr(GBytes) bytes = export (l, BC_EXPORT_SVG, view == 0 ? BC_THEME_LIGHT : BC_THEME_DARK);
        g_autofree char *path = write_temporary (bytes, "bc-svg-XXXXXX.svg");
        g_autofree char *err = NULL;
        g_autoptr(GError) error = NULL;
        const char *argv[] = { xmllint, "--noout", path, NULL };
        int status;

        g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                      &err, &status, &error);
        g_assert_no_error (error);
        g_unlink (path);
        if (!g_spawn_check_wait_status (status, NULL))
          g_error ("xmllint refuses the SVG: %s", err);
      }
}

static gboolean
pixels_alike (guint32 p,
              guint32 q)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((p >> shift) & 0xff) - (int) ((q >> shift) & 0xff)) > 64)
      return FALSE;
  return TRUE;
}

/* The share of the pixels of @a that have no pixel alike (no channel
 * more than a quarter of its range off) in @b at the same place or
 * within a few pixels along the line of text. librsvg lays text out
 * with hinted advances, so a line drifts by a pixel or three from
 * where cairo draws it; a missing or misplaced label or line is not
 * found nearby. */
static double
share_unmatched (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  const guchar *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  guint differ = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(const guint32 *) (da + y * sa + x * 4);
        gboolean found = FALSE;

        for (int dy = -1; dy <= 1 && !found; dy++)
          for (int dx = -4; dx <= 4 && !found; dx++)
            if (x + dx >= 0 && x + dx < w && y + dy >= 0 && y + dy < h)
              found = pixels_alike (p, *(const guint32 *) (db + (y + dy) * sb + (x + dx) * 4));
        differ += !found;
      }
  return differ / ((double) w * h);
}

static void
test_renders_like_png (void)
{
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");

  if (rsvg == NULL)
    {
      g_test_skip ("rsvg-convert is not installed");
      return;
    }
  for (guint n = 0; n <= G_N_ELEMENTS (bundled); n++)
    for (int view = 0; view < 2; view++)
      {
        g_autoptr(BcCase) c = n < G_N_ELEMENTS (bundled) ? load_bundled (bundled[n]) : load_rtl_case ();
        BcTheme theme = (n + view) % 2 == 0 ? BC_THEME_LIGHT : BC_THEME_DARK;
        g_autoptr(BcLayout) l = layout_of (c, view);
        g_autoptr(GBytes) svg = export (l, BC_EXPORT_SVG, theme);
        g_autoptr(GBytes) png = export (l, BC_EXPORT_PNG, theme);
        g_autofree char *svg_path = write_temporary (svg, "bc-svg-XXXXXX.svg");
        g_autofree char *png_path = write_temporary (png, "bc-png-XXXXXX.png");
        g_autofree char *out_path = g_strconcat (svg_path, ".png", NULL);
        g_autofree char *err = NULL;
        g_autoptr(GError) error = NULL;
        const char *argv[] = { rsvg, "-o", out_path, svg_path, NULL };
        cairo_surface_t *ours, *theirs;
        double differ;
        int status;

        g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                      &err, &status, &error);
        g_assert_no_error (error);
        if (!g_spawn_check_wait_status (status, NULL))
          g_error ("rsvg-convert cannot render the SVG: %s", err);

        ours = cairo_image_surface_create_from_png (png_path);
        theirs = cairo_image_surface_create_from_png (out_path);
        g_assert_cmpint (cairo_surface_status (ours), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (cairo_surface_status (theirs), ==, CAIRO_STATUS_SUCCESS);
        differ = MAX (share_unmatched (ours, theirs), share_unmatched (theirs, ours));
        g_test_message ("%s %s: %.3f%% of pixels unmatched", n < G_N_ELEMENTS (bundled) ? bundled[n] : "rtl",
                        view == 0 ? "lanes" : "wheel", differ * 100);
        g_assert_cmpfloat (differ, <, 0.001);
        cairo_surface_destroy (ours);
        cairo_surface_destroy (theirs);
        g_unlink (svg_path);
        g_unlink (png_path);
        g_unlink (out_path);
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/svg/items-are-titled-groups", test_items_are_titled_groups);
  g_test_add_func ("/render/svg/text-is-text", test_text_is_text);
  g_test_add_func ("/render/svg/document-title-and-source-links", test_document_title_and_links);
  g_test_add_func ("/render/svg/right-to-left-stays-text", test_right_to_left_stays_text);
  g_test_add_func ("/render/svg/label-lines-halo-leader-faded", test_label_contract);
  g_test_add_func ("/render/svg/narrow-box-shortens", test_narrow_box_shortens);
  g_test_add_func ("/render/svg/same-bytes", test_same_bytes);
  g_test_add_func ("/render/svg/xmllint-accepts", test_xmllint_accepts);
  g_test_add_func ("/render/svg/renders-like-png", test_renders_like_png);

  return g_test_run ();
}
