/* mw-label.h: labels as people see them, from labels as the file wrote them
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"

G_BEGIN_DECLS

char *mw_label_dup_text                   (const char    *label,
                                           gboolean       html,
                                           gboolean       record,
                                           const char    *name);
char *mw_actor_dup_display_label          (const MwActor *actor);
char *mw_network_dup_actor_display_label  (MwNetwork     *network,
                                           const MwActor *actor);
char *mw_network_dup_title                (MwNetwork     *network);

G_END_DECLS
