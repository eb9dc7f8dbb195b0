/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-case.h"

G_BEGIN_DECLS

/* What the inspector and the outline share to create items: fresh ids,
 * the checks the case format asks for, the labels of its choices, and
 * pickers that create a transfer or a link from an event. */

/* Called with what a picker created. */
typedef void (*BcEditingCreated) (GObject  *created,
                                  gpointer  user_data);

char        *bc_editing_fresh_id             (BcCase           *case_,
                                              const char       *prefix);
char        *bc_editing_check_id             (BcCase           *case_,
                                              gpointer          owner,
                                              const char       *text);
GListModel  *bc_editing_enum_labels          (GType             enum_type);
const char  *bc_editing_enum_label           (GType             enum_type,
                                              int               value);
void         bc_editing_show_meanings        (AdwComboRow      *row);

BcTransfer  *bc_editing_add_transfer         (BcCase           *case_,
                                              BcEvent          *from,
                                              BcEvent          *to,
                                              BcMechanism       mechanism,
                                              GError          **error);
BcLink      *bc_editing_add_link             (BcCase           *case_,
                                              const char       *from,
                                              const char       *to,
                                              BcLinkType        type,
                                              GError          **error);

GtkWidget   *bc_editing_transfer_picker_new  (BcCase           *case_,
                                              BcEvent          *from,
                                              BcEditingCreated  created,
                                              gpointer          user_data);
GtkWidget   *bc_editing_link_picker_new      (BcCase           *case_,
                                              BcEvent          *from,
                                              BcEditingCreated  created,
                                              gpointer          user_data);

G_END_DECLS
