/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-inspector.h"

G_BEGIN_DECLS

/* For the widget tests. */
const char *_bc_inspector_get_title       (BcInspector *self);
GtkWidget  *_bc_inspector_get_field       (BcInspector *self,
                                           const char  *property);
const char *_bc_inspector_get_field_error (BcInspector *self,
                                           const char  *property);
gboolean    _bc_inspector_add_annotation  (BcInspector *self,
                                           const char  *text);
GtkWidget  *_bc_inspector_get_picker      (BcInspector *self,
                                           const char  *key);

G_END_DECLS
