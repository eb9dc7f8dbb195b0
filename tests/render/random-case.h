/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-case.h"

G_BEGIN_DECLS

/* Seeded synthetic cases for the legibility tests and benchmark: the
 * same seed always gives the same case. Titles of every length (up to
 * long enough to need three lines), dates of day, month and year
 * precision, ranges, actors whose positions move between tracks with
 * and without gaps, transfers and links. */

typedef struct
{
  guint n_events;
  guint n_actors;
  guint n_transfers;
  guint n_links;
  guint years; /* the span the events fall in */
} RandomCaseSize;

#define RANDOM_CASE_SIZE_DEFAULT ((RandomCaseSize) { 60, 12, 30, 15, 3 })

char   *random_case_xml (guint32               seed,
                         const RandomCaseSize *size);
BcCase *random_case_new (guint32               seed,
                         const RandomCaseSize *size);

G_END_DECLS
