/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the chosen file, or NULL when the user cancelled. */
typedef void (*BcCompatFileCallback) (GFile    *file,
                                      gpointer  user_data);

void     bc_compat_choose_open_file (GtkWindow            *parent,
                                     const char           *title,
                                     GtkFileFilter        *filter,
                                     BcCompatFileCallback  callback,
                                     gpointer              user_data);
void     bc_compat_choose_case_file (GtkWindow            *parent,
                                     BcCompatFileCallback  callback,
                                     gpointer              user_data);
void     bc_compat_choose_save_file (GtkWindow            *parent,
                                     const char           *title,
                                     GFile                *folder,
                                     const char           *name,
                                     GtkFileFilter        *filter,
                                     BcCompatFileCallback  callback,
                                     gpointer              user_data);
gboolean bc_compat_open_web_link    (GtkWindow            *parent,
                                     const char           *uri);

G_END_DECLS
