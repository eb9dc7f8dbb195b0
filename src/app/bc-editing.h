/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-case.h"
#include "bc-edit.h"

G_BEGIN_DECLS

/* What the inspector and the outline share: the labels of the choices of
 * the case format, and pickers that create a transfer or a link from an
 * event (through the domain edits of bc-edit.h). */

/* Called with what a picker created. */
typedef void (*BcEditingCreated) (GObject  *created,
                                  gpointer  user_data);

GListModel  *bc_editing_enum_labels          (GType             enum_type);
const char  *bc_editing_enum_label           (GType             enum_type,
                                              int               value);
void         bc_editing_show_meanings        (AdwComboRow      *row);

GtkWidget   *bc_editing_transfer_picker_new  (BcCase           *case_,
                                              BcEvent          *from,
                                              BcEditingCreated  created,
                                              gpointer          user_data);
GtkWidget   *bc_editing_link_picker_new      (BcCase           *case_,
                                              BcEvent          *from,
                                              BcEditingCreated  created,
                                              gpointer          user_data);

G_END_DECLS
