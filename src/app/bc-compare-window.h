/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-case.h"

G_BEGIN_DECLS

#define BC_TYPE_COMPARE_WINDOW (bc_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (BcCompareWindow, bc_compare_window, BC, COMPARE_WINDOW, AdwWindow)

BcCompareWindow *bc_compare_window_new       (GtkWindow       *parent,
                                              BcCase          *kase);
void             bc_compare_window_set_other (BcCompareWindow *self,
                                              BcCase          *other);

/* For the widget tests. */
const char *_bc_compare_window_get_cell     (BcCompareWindow *self,
                                             const char      *row,
                                             guint            column);
gboolean    _bc_compare_window_set_anchor   (BcCompareWindow *self,
                                             guint            column,
                                             const char      *event_id);
GtkWidget  *_bc_compare_window_get_lanes    (BcCompareWindow *self);
double      _bc_compare_window_get_day_x    (BcCompareWindow *self,
                                             guint            column,
                                             guint32          julian_day);

G_END_DECLS
