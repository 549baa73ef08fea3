/* mw-scorer-suggest.h: ties that would raise the weakest element most
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-network.h"
#include "mw-scores.h"

G_BEGIN_DECLS

#define MW_SUGGEST_MAX 5

/**
 * MwSuggestion:
 * @text: what to do, for people ("Ann Lee and Raj Patel collaborate across units")
 * @element: the element it raises (the network's weakest)
 * @gain: points it adds to @element, measured by scoring the changed network
 * @index_gain: points it adds to the index
 * @from_id: the tie to add: its ends and type
 */
typedef struct
{
  char      *text;
  MwElement  element;
  double     gain;
  double     index_gain;
  char      *from_id;
  char      *to_id;
  MwTieType  type;
} MwSuggestion;

void       mw_suggestion_free  (MwSuggestion        *suggestion);

GPtrArray *mw_suggest          (MwNetwork           *network,
                                guint                max,
                                GCancellable        *cancellable);
void       mw_suggest_async    (MwNetwork           *network,
                                guint                max,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
GPtrArray *mw_suggest_finish   (GAsyncResult        *result,
                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwSuggestion, mw_suggestion_free)

G_END_DECLS
