/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks are the strings of the case format; glib-mkenums registers
 * them, and bc_enum_from_nick() / bc_enum_to_nick() read and write them. */

typedef enum
{
  BC_TRACK_1,   /*< nick=1 >*/
  BC_TRACK_1_5, /*< nick=1.5 >*/
  BC_TRACK_2,   /*< nick=2 >*/
  BC_TRACK_3,   /*< nick=3 >*/
  BC_TRACK_4,   /*< nick=4 >*/
  BC_TRACK_5,   /*< nick=5 >*/
  BC_TRACK_6,   /*< nick=6 >*/
  BC_TRACK_7,   /*< nick=7 >*/
  BC_TRACK_8,   /*< nick=8 >*/
  BC_TRACK_9,   /*< nick=9 >*/
} BcTrack;

#define BC_N_TRACKS 10

typedef enum
{
  BC_ACTOR_PERSON,            /*< nick=person >*/
  BC_ACTOR_ORGANISATION,      /*< nick=organisation >*/
  BC_ACTOR_STATE,             /*< nick=state >*/
  BC_ACTOR_INTERGOVERNMENTAL, /*< nick=intergovernmental >*/
  BC_ACTOR_GROUP,             /*< nick=group >*/
} BcActorType;

typedef enum
{
  BC_EVENT_MEETING,     /*< nick=meeting >*/
  BC_EVENT_NEGOTIATION, /*< nick=negotiation >*/
  BC_EVENT_WORKSHOP,    /*< nick=workshop >*/
  BC_EVENT_AGREEMENT,   /*< nick=agreement >*/
  BC_EVENT_SIGNING,     /*< nick=signing >*/
  BC_EVENT_STATEMENT,   /*< nick=statement >*/
  BC_EVENT_PUBLICATION, /*< nick=publication >*/
  BC_EVENT_VISIT,       /*< nick=visit >*/
  BC_EVENT_APPOINTMENT, /*< nick=appointment >*/
  BC_EVENT_VIOLENCE,    /*< nick=violence >*/
  BC_EVENT_OTHER,       /*< nick=other >*/
} BcEventType;

typedef enum
{
  BC_CERTAINTY_EXACT,       /*< nick=exact >*/
  BC_CERTAINTY_APPROXIMATE, /*< nick=approximate >*/
  BC_CERTAINTY_DISPUTED,    /*< nick=disputed >*/
} BcCertainty;

typedef enum
{
  BC_LINK_LEADS_TO,    /*< nick=leads-to >*/
  BC_LINK_RESPONDS_TO, /*< nick=responds-to >*/
  BC_LINK_PARALLEL_TO, /*< nick=parallel-to >*/
} BcLinkType;

typedef enum
{
  BC_MECHANISM_BRIEFING,              /*< nick=briefing >*/
  BC_MECHANISM_MEMORANDUM,            /*< nick=memorandum >*/
  BC_MECHANISM_DRAFT_TEXT,            /*< nick=draft-text >*/
  BC_MECHANISM_PARTICIPANT_CROSSOVER, /*< nick=participant-crossover >*/
  BC_MECHANISM_BACK_CHANNEL_MESSAGE,  /*< nick=back-channel-message >*/
  BC_MECHANISM_FACILITATION,          /*< nick=facilitation >*/
  BC_MECHANISM_PUBLIC_STATEMENT,      /*< nick=public-statement >*/
  BC_MECHANISM_PUBLIC_CONSULTATION,   /*< nick=public-consultation >*/
  BC_MECHANISM_WORKSHOP_OUTCOME,      /*< nick=workshop-outcome >*/
  BC_MECHANISM_OTHER,                 /*< nick=other >*/
} BcMechanism;

#define BC_N_MECHANISMS 10

typedef enum
{
  BC_STATUS_DOCUMENTED, /*< nick=documented >*/
  BC_STATUS_INFERRED,   /*< nick=inferred >*/
  BC_STATUS_DISPUTED,   /*< nick=disputed >*/
} BcTransferStatus;

typedef enum
{
  BC_SOURCE_BOOK,      /*< nick=book >*/
  BC_SOURCE_CHAPTER,   /*< nick=chapter >*/
  BC_SOURCE_ARTICLE,   /*< nick=article >*/
  BC_SOURCE_REPORT,    /*< nick=report >*/
  BC_SOURCE_DOCUMENT,  /*< nick=document >*/
  BC_SOURCE_WEB,       /*< nick=web >*/
  BC_SOURCE_INTERVIEW, /*< nick=interview >*/
  BC_SOURCE_OTHER,     /*< nick=other >*/
} BcSourceType;

/* Direction of a transfer, derived from the tracks of its ends. */
typedef enum
{
  BC_DIRECTION_UPWARD,   /*< nick=upward >*/
  BC_DIRECTION_DOWNWARD, /*< nick=downward >*/
  BC_DIRECTION_ACROSS,   /*< nick=across >*/
} BcDirection;

gboolean     bc_enum_from_nick       (GType        enum_type,
                                      const char  *nick,
                                      int         *value);
const char  *bc_enum_to_nick         (GType        enum_type,
                                      int          value);

const char  *bc_track_get_label      (BcTrack      track);
const char  *bc_track_get_name       (BcTrack      track);
int          bc_track_get_level      (BcTrack      track);
const char  *bc_mechanism_get_label  (BcMechanism  mechanism);
const char  *bc_mechanism_get_meaning (BcMechanism mechanism);
const char  *bc_status_get_label     (BcTransferStatus status);
const char  *bc_event_type_get_label (BcEventType  type);

G_END_DECLS
