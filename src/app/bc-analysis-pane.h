/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-case.h"

G_BEGIN_DECLS

#define BC_TYPE_ANALYSIS_PANE (bc_analysis_pane_get_type ())
G_DECLARE_FINAL_TYPE (BcAnalysisPane, bc_analysis_pane, BC, ANALYSIS_PANE, GtkWidget)

GtkWidget  *bc_analysis_pane_new                (void);
BcCase     *bc_analysis_pane_get_case           (BcAnalysisPane *self);
void        bc_analysis_pane_set_case           (BcAnalysisPane *self,
                                                 BcCase         *case_);
gboolean    bc_analysis_pane_get_documented_only (BcAnalysisPane *self);
void        bc_analysis_pane_set_documented_only (BcAnalysisPane *self,
                                                  gboolean        documented_only);
gboolean    bc_analysis_pane_export_chart       (BcAnalysisPane *self,
                                                 GFile          *file,
                                                 GError        **error);

/* For the widget tests: whether the measures are being worked out in
 * the worker thread, the button that shows one figure ("direction",
 * "upward"), and the list of items the last figure opened. */
gboolean    _bc_analysis_pane_is_measuring      (BcAnalysisPane *self);
GtkWidget  *_bc_analysis_pane_get_figure        (BcAnalysisPane *self,
                                                 const char     *measure,
                                                 const char     *key);
GtkListBox *_bc_analysis_pane_get_item_list     (BcAnalysisPane *self);

G_END_DECLS
