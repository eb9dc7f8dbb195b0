/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The settings keep the release id in every build. */
#define BC_SETTINGS_SCHEMA_ID "io.github.backchannel.Backchannel"

#define BC_TYPE_PREFERENCES_WINDOW (bc_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (BcPreferencesWindow, bc_preferences_window, BC, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *bc_preferences_window_new                (GtkWindow *parent,
                                                     GSettings *settings);
GSettings *bc_preferences_window_get_settings       (BcPreferencesWindow *self);

GSettings *bc_preferences_window_lookup_settings    (void);
void       bc_preferences_window_bind_color_scheme  (GSettings *settings);
char      *bc_preferences_window_dup_author_name    (GSettings *settings);

G_END_DECLS
