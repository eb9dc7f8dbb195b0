/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-view-state.h"

G_BEGIN_DECLS

#define BC_TYPE_READING_VIEW (bc_reading_view_get_type ())
G_DECLARE_FINAL_TYPE (BcReadingView, bc_reading_view, BC, READING_VIEW, GtkWidget)

GtkWidget   *bc_reading_view_new            (void);
BcViewState *bc_reading_view_get_view_state (BcReadingView *self);
void         bc_reading_view_set_view_state (BcReadingView *self,
                                             BcViewState   *view_state);

/* For the widget tests. */
GtkListBox  *_bc_reading_view_get_list      (BcReadingView *self);
BcItem      *_bc_reading_view_row_get_item  (GtkListBoxRow *row);
GtkListBoxRow *_bc_reading_view_find_row    (BcReadingView *self,
                                             BcItem        *item);
GtkWidget   *_bc_reading_view_get_versions  (BcReadingView *self,
                                             BcItem        *item);

G_END_DECLS
