/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-case.h"

G_BEGIN_DECLS

/* Says whether @item may be offered. */
typedef gboolean (*BcItemPickerFilter) (BcItem   *item,
                                        gpointer  user_data);

#define BC_TYPE_ITEM_PICKER (bc_item_picker_get_type ())
G_DECLARE_FINAL_TYPE (BcItemPicker, bc_item_picker, BC, ITEM_PICKER, GtkPopover)

GtkWidget *bc_item_picker_new        (GListModel         *items,
                                      const char         *search_label);
void       bc_item_picker_set_filter (BcItemPicker       *self,
                                      BcItemPickerFilter  filter,
                                      gpointer            user_data,
                                      GDestroyNotify      destroy);
void       bc_item_picker_set_header (BcItemPicker       *self,
                                      GtkWidget          *header);
GtkWidget *bc_item_picker_get_header (BcItemPicker       *self);

/* For the widget tests: chooses @id as a click on its row would. */
gboolean   _bc_item_picker_activate  (BcItemPicker       *self,
                                      const char         *id);

G_END_DECLS
