/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-exchange-private.h"
#include "bc-measures.h"

/* The measures of one case, or of several side by side, as Markdown for
 * a report, CSV for a spreadsheet (one row per figure), or JSON for a
 * program. Every figure carries the ids of the items behind it. */

/* Auxiliary functions */

static void
append_ids (GString   *out,
            GPtrArray *items,
            const char *separator)
{
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s%s", i ? separator : "", (const char *) g_ptr_array_index (items, i));
}

static char *
days_text (int min_days,
           int max_days)
{
  if (min_days == max_days)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", ABS (min_days)), min_days);
  /* Translators: a span known only to lie between two numbers of days */
  return g_strdup_printf (_("%d to %d days"), min_days, max_days);
}

/* Markdown */

static void
md_escape (GString    *out,
           const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (strchr ("|\\*_`[]<>", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
md_counts (GString    *out,
           const char *heading,
           GPtrArray  *measures,
           gsize       offset,
           gboolean    skip_empty)
{
  GPtrArray *first = G_STRUCT_MEMBER (GPtrArray *, g_ptr_array_index (measures, 0), offset);

  g_string_append_printf (out, "\n### %s\n\n|  |", heading);
  for (guint m = 0; m < measures->len; m++)
    {
      BcMeasures *x = g_ptr_array_index (measures, m);

      g_string_append_c (out, ' ');
      md_escape (out, bc_case_get_title (x->kase));
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|---|");
  for (guint m = 0; m < measures->len; m++)
    g_string_append (out, "---:|");
  g_string_append_c (out, '\n');

  for (guint i = 0; i < first->len; i++)
    {
      BcCount *row = g_ptr_array_index (first, i);
      gboolean any = FALSE;

      for (guint m = 0; m < measures->len; m++)
        {
          GPtrArray *counts = G_STRUCT_MEMBER (GPtrArray *, g_ptr_array_index (measures, m), offset);

          any |= ((BcCount *) g_ptr_array_index (counts, i))->count > 0;
        }
      if (skip_empty && !any)
        continue;

      g_string_append (out, "| ");
      md_escape (out, row->label);
      g_string_append (out, " |");
      for (guint m = 0; m < measures->len; m++)
        {
          GPtrArray *counts = G_STRUCT_MEMBER (GPtrArray *, g_ptr_array_index (measures, m), offset);
          BcCount *c = g_ptr_array_index (counts, i);

          g_string_append_printf (out, " %u", c->count);
          if (c->count > 0)
            {
              g_string_append (out, " (");
              append_ids (out, c->items, ", ");
              g_string_append_c (out, ')');
            }
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
}

static void
md_summary (GString       *out,
            BcSpanSummary *s)
{
  g_autofree char *range = days_text (s->min_days, s->max_days);

  g_string_append (out, "- ");
  md_escape (out, s->label);
  if (s->n == 0)
    {
      g_string_append_printf (out, ": %s\n", _("none"));
      return;
    }
  g_string_append_printf (out, _(": %u, median %.1f days, from %s; %u known only to the month or year"),
                          s->n, s->median_days, range, s->imprecise);
  g_string_append (out, " (");
  append_ids (out, s->items, ", ");
  g_string_append (out, ")\n");
}

static void
write_markdown (GString   *out,
                GPtrArray *measures)
{
  g_string_append_printf (out, "# %s\n", _("Complementarity of the tracks"));
  for (guint m = 0; m < measures->len; m++)
    {
      BcMeasures *x = g_ptr_array_index (measures, m);

      g_string_append (out, "\n- ");
      md_escape (out, bc_case_get_title (x->kase));
      g_string_append_printf (out, " (%s): ", bc_case_get_id (x->kase));
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u transfer", "%u transfers", x->n_transfers),
                              x->n_transfers);
      if (x->documented_only)
        g_string_append_printf (out, " %s", _("(documented transfers only)"));
    }
  g_string_append_c (out, '\n');

  g_string_append_printf (out, "\n## %s\n", _("Transfers"));
  md_counts (out, _("By mechanism"), measures, G_STRUCT_OFFSET (BcMeasures, by_mechanism), TRUE);
  md_counts (out, _("By direction"), measures, G_STRUCT_OFFSET (BcMeasures, by_direction), FALSE);
  md_counts (out, _("By status"), measures, G_STRUCT_OFFSET (BcMeasures, by_status), FALSE);

  for (guint m = 0; m < measures->len; m++)
    {
      BcMeasures *x = g_ptr_array_index (measures, m);

      g_string_append (out, "\n## ");
      md_escape (out, bc_case_get_title (x->kase));
      g_string_append_c (out, '\n');

      g_string_append_printf (out, "\n### %s\n\n", _("From the unofficial event to its official uptake"));
      for (guint i = 0; i < x->uptake_summary->len; i++)
        md_summary (out, g_ptr_array_index (x->uptake_summary, i));

      g_string_append_printf (out, "\n### %s\n\n", _("Carriers who bridge tracks"));
      g_string_append_printf (out, "| %s | %s | %s | %s |\n|---|---:|---:|---:|\n",
                              _("Actor"), _("Transfers carried"), _("Tracks"), _("Betweenness"));
      for (guint i = 0; i < x->carriers->len; i++)
        {
          BcCarrier *c = g_ptr_array_index (x->carriers, i);

          g_string_append (out, "| ");
          md_escape (out, c->name);
          g_string_append_printf (out, " (%s) | %u (", c->actor, c->transfers);
          append_ids (out, c->items, ", ");
          g_string_append_printf (out, ") | %u | %.3f |\n", c->tracks, c->betweenness);
        }

      g_string_append_printf (out, "\n### %s\n\n", _("Secret until disclosed"));
      md_summary (out, x->disclosure_summary);

      g_string_append_printf (out, "\n### %s\n\n| %s | %s |\n|---|---:|\n",
                              _("Activity per track per year"), _("Track and year"), _("Events"));
      for (guint i = 0; i < x->activity->len; i++)
        {
          BcCount *c = g_ptr_array_index (x->activity, i);

          g_string_append (out, "| ");
          md_escape (out, c->label);
          g_string_append_printf (out, " | %u |\n", c->count);
        }
    }
}

/* CSV: case,measure,key,label,value,min_days,max_days,items */

static void
csv_row (GString    *out,
         BcMeasures *x,
         const char *measure,
         const char *key,
         const char *label,
         const char *value,
         const char *min_days,
         const char *max_days,
         GPtrArray  *items)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  if (items != NULL)
    append_ids (ids, items, " ");
  _bc_csv_append_field (out, bc_case_get_id (x->kase));
  _bc_csv_append_field (out, measure);
  _bc_csv_append_field (out, key);
  _bc_csv_append_field (out, label);
  _bc_csv_append_field (out, value);
  _bc_csv_append_field (out, min_days);
  _bc_csv_append_field (out, max_days);
  _bc_csv_append_field (out, ids->str);
  _bc_csv_end_row (out);
}

static void
csv_counts (GString    *out,
            BcMeasures *x,
            const char *measure,
            GPtrArray  *counts)
{
  for (guint i = 0; i < counts->len; i++)
    {
      BcCount *c = g_ptr_array_index (counts, i);
      g_autofree char *value = g_strdup_printf ("%u", c->count);

      csv_row (out, x, measure, c->key, c->label, value, "", "", c->items);
    }
}

static void
csv_summary (GString       *out,
             BcMeasures    *x,
             const char    *measure,
             BcSpanSummary *s)
{
  char median[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *lo = g_strdup_printf ("%d", s->min_days);
  g_autofree char *hi = g_strdup_printf ("%d", s->max_days);

  g_ascii_formatd (median, sizeof median, "%.1f", s->median_days);
  csv_row (out, x, measure, s->key, s->label, s->n ? median : "", s->n ? lo : "", s->n ? hi : "", s->items);
}

static void
write_csv (GString   *out,
           GPtrArray *measures)
{
  static const char * const csv_header[] = {
    "case", "measure", "key", "label", "value", "min_days", "max_days", "items",
  };

  for (guint i = 0; i < G_N_ELEMENTS (csv_header); i++)
    _bc_csv_append_field (out, csv_header[i]);
  _bc_csv_end_row (out);
  for (guint m = 0; m < measures->len; m++)
    {
      BcMeasures *x = g_ptr_array_index (measures, m);

      csv_counts (out, x, "mechanism", x->by_mechanism);
      csv_counts (out, x, "direction", x->by_direction);
      csv_counts (out, x, "status", x->by_status);
      for (guint i = 0; i < x->uptake_lags->len; i++)
        {
          BcSpan *s = g_ptr_array_index (x->uptake_lags, i);
          g_autofree char *lo = g_strdup_printf ("%d", s->min_days);
          g_autofree char *hi = g_strdup_printf ("%d", s->max_days);
          g_autoptr(GPtrArray) one = g_ptr_array_new ();

          g_ptr_array_add (one, s->item);
          csv_row (out, x, "uptake-lag", s->item, "", "", lo, hi, one);
        }
      for (guint i = 0; i < x->uptake_summary->len; i++)
        csv_summary (out, x, "uptake-lag-median", g_ptr_array_index (x->uptake_summary, i));
      for (guint i = 0; i < x->carriers->len; i++)
        {
          BcCarrier *c = g_ptr_array_index (x->carriers, i);
          g_autofree char *value = g_strdup_printf ("%u", c->transfers);
          g_autofree char *tracks = g_strdup_printf ("%u", c->tracks);
          char between[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (between, sizeof between, "%.4f", c->betweenness);
          csv_row (out, x, "carrier-transfers", c->actor, c->name, value, "", "", c->items);
          csv_row (out, x, "carrier-tracks", c->actor, c->name, tracks, "", "", NULL);
          csv_row (out, x, "carrier-betweenness", c->actor, c->name, between, "", "", NULL);
        }
      csv_summary (out, x, "disclosure-lag-median", x->disclosure_summary);
      csv_counts (out, x, "activity", x->activity);
    }
}

/* JSON, with the writers the export formats share. */

static void
json_ids (GString   *out,
          GPtrArray *items)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < items->len; i++)
    {
      if (i)
        g_string_append (out, ", ");
      _bc_json_append_string (out, g_ptr_array_index (items, i));
    }
  g_string_append_c (out, ']');
}

static void
json_counts (GString    *out,
             const char *name,
             GPtrArray  *counts)
{
  g_string_append_printf (out, ",\n      \"%s\": [", name);
  for (guint i = 0; i < counts->len; i++)
    {
      BcCount *c = g_ptr_array_index (counts, i);

      g_string_append_printf (out, "%s\n        {\"key\": ", i ? "," : "");
      _bc_json_append_string (out, c->key);
      g_string_append (out, ", \"label\": ");
      _bc_json_append_string (out, c->label);
      g_string_append_printf (out, ", \"count\": %u, \"items\": ", c->count);
      json_ids (out, c->items);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n      ]");
}

static void
json_summary (GString       *out,
              BcSpanSummary *s)
{
  char median[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (median, sizeof median, "%.1f", s->median_days);
  g_string_append (out, "{\"key\": ");
  _bc_json_append_string (out, s->key);
  g_string_append (out, ", \"label\": ");
  _bc_json_append_string (out, s->label);
  g_string_append_printf (out, ", \"n\": %u, \"imprecise\": %u", s->n, s->imprecise);
  if (s->n > 0)
    g_string_append_printf (out, ", \"median_days\": %s, \"min_days\": %d, \"max_days\": %d",
                            median, s->min_days, s->max_days);
  g_string_append (out, ", \"items\": ");
  json_ids (out, s->items);
  g_string_append_c (out, '}');
}

static void
write_json (GString   *out,
            GPtrArray *measures)
{
  g_string_append (out, "{\n  \"cases\": [");
  for (guint m = 0; m < measures->len; m++)
    {
      BcMeasures *x = g_ptr_array_index (measures, m);

      g_string_append_printf (out, "%s\n    {\n      \"id\": ", m ? "," : "");
      _bc_json_append_string (out, bc_case_get_id (x->kase));
      g_string_append (out, ",\n      \"title\": ");
      _bc_json_append_string (out, bc_case_get_title (x->kase));
      g_string_append_printf (out, ",\n      \"documented_only\": %s,\n      \"transfers\": %u",
                              x->documented_only ? "true" : "false", x->n_transfers);
      json_counts (out, "by_mechanism", x->by_mechanism);
      json_counts (out, "by_direction", x->by_direction);
      json_counts (out, "by_status", x->by_status);

      g_string_append (out, ",\n      \"uptake_lags\": [");
      for (guint i = 0; i < x->uptake_lags->len; i++)
        {
          BcSpan *s = g_ptr_array_index (x->uptake_lags, i);

          g_string_append_printf (out, "%s\n        {\"item\": ", i ? "," : "");
          _bc_json_append_string (out, s->item);
          g_string_append_printf (out, ", \"min_days\": %d, \"max_days\": %d}", s->min_days, s->max_days);
        }
      g_string_append (out, "\n      ],\n      \"uptake_summary\": [");
      for (guint i = 0; i < x->uptake_summary->len; i++)
        {
          g_string_append (out, i ? ",\n        " : "\n        ");
          json_summary (out, g_ptr_array_index (x->uptake_summary, i));
        }
      g_string_append (out, "\n      ],\n      \"carriers\": [");
      for (guint i = 0; i < x->carriers->len; i++)
        {
          BcCarrier *c = g_ptr_array_index (x->carriers, i);
          char between[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (between, sizeof between, "%.4f", c->betweenness);
          g_string_append_printf (out, "%s\n        {\"actor\": ", i ? "," : "");
          _bc_json_append_string (out, c->actor);
          g_string_append (out, ", \"name\": ");
          _bc_json_append_string (out, c->name);
          g_string_append_printf (out, ", \"transfers\": %u, \"tracks\": %u, \"betweenness\": %s, \"items\": ",
                                  c->transfers, c->tracks, between);
          json_ids (out, c->items);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "\n      ],\n      \"disclosure\": ");
      json_summary (out, x->disclosure_summary);
      json_counts (out, "activity", x->activity);
      g_string_append (out, "\n    }");
    }
  g_string_append (out, "\n  ]\n}\n");
}

/* Public API */

gboolean
bc_report_format_from_name (const char     *name,
                            BcReportFormat *format)
{
  const char *dot = name ? strrchr (name, '.') : NULL;
  const char *ext = dot ? dot + 1 : name;

  if (ext == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (ext, "md") == 0 || g_ascii_strcasecmp (ext, "markdown") == 0)
    *format = BC_REPORT_MARKDOWN;
  else if (g_ascii_strcasecmp (ext, "csv") == 0)
    *format = BC_REPORT_CSV;
  else if (g_ascii_strcasecmp (ext, "json") == 0)
    *format = BC_REPORT_JSON;
  else
    return FALSE;
  return TRUE;
}

/**
 * bc_report_write:
 * @measures: (element-type BcMeasures): the measures of one case or more
 * @format: how to write them
 *
 * Returns: (transfer full): the report, UTF-8
 */
char *
bc_report_write (GPtrArray      *measures,
                 BcReportFormat  format)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (measures != NULL && measures->len > 0, g_string_free (out, TRUE));

  switch (format)
    {
    case BC_REPORT_CSV:
      write_csv (out, measures);
      break;
    case BC_REPORT_JSON:
      write_json (out, measures);
      break;
    case BC_REPORT_MARKDOWN:
    default:
      write_markdown (out, measures);
      break;
    }
  return g_string_free (out, FALSE);
}
