/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BC_TYPE_ANNOTATION (bc_annotation_get_type ())
G_DECLARE_FINAL_TYPE (BcAnnotation, bc_annotation, BC, ANNOTATION, GObject)

BcAnnotation *bc_annotation_new         (const char   *author,
                                         const char   *created,
                                         const char   *about,
                                         const char   *text);
BcAnnotation *bc_annotation_new_now     (const char   *author,
                                         const char   *about,
                                         const char   *text);
const char   *bc_annotation_get_author  (BcAnnotation *self);
const char   *bc_annotation_get_created (BcAnnotation *self);
const char   *bc_annotation_get_about   (BcAnnotation *self);
const char   *bc_annotation_get_text    (BcAnnotation *self);

G_END_DECLS
