/* mw-network-order.h: a copy's actors and ties put back in its source's order
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"

G_BEGIN_DECLS

void mw_network_copy_match_order    (MwNetwork      *copy,
                                     MwNetwork      *self);
void mw_network_copy_match_order_at (MwNetwork      *copy,
                                     MwNetwork      *self,
                                     GArray         *actor_slots,
                                     GArray         *tie_slots);
void mw_network_order_note_change   (const MwChange *change,
                                     GArray         *actor_slots,
                                     GArray         *tie_slots);

G_END_DECLS
