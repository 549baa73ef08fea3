/* mw-progress.c: how far a long operation has come, readable from another thread
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A worker writes, the UI polls: one atomic integer in ten-thousandths,
 * so neither ever waits for the other. */

#define G_LOG_DOMAIN "meshwork-io"

#include "config.h"

#include "mw-progress.h"

#define STEPS 10000

struct _MwProgress
{
  gatomicrefcount  ref_count;
  gint             steps;        /* atomic: 0…STEPS, or -1 when unknown */
  GCancellable    *cancellable;  /* (nullable) */
  MwProgress      *to;           /* (nullable) also written until cancelled */
};

static GPrivate thread_default = G_PRIVATE_INIT (NULL);

/**
 * mw_progress_new:
 * @cancellable: (nullable): what cancels the operation
 *
 * Returns: (transfer full): a progress at "unknown"
 */
MwProgress *
mw_progress_new (GCancellable *cancellable)
{
  MwProgress *self = g_new0 (MwProgress, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->steps = -1;
  if (cancellable != NULL)
    self->cancellable = g_object_ref (cancellable);
  return self;
}

/**
 * mw_progress_new_relay:
 * @cancellable: (nullable): what cancels the operation
 * @to: a progress that shows this one's fractions until @cancellable is
 *   cancelled (one of several runs in turn, an abandoned one falling silent)
 *
 * Returns: (transfer full): a progress at "unknown"
 */
MwProgress *
mw_progress_new_relay (GCancellable *cancellable,
                       MwProgress   *to)
{
  MwProgress *self = mw_progress_new (cancellable);

  g_return_val_if_fail (to != NULL, self);
  self->to = mw_progress_ref (to);
  return self;
}

MwProgress *
mw_progress_ref (MwProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mw_progress_unref (MwProgress *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->to, mw_progress_unref);
  g_free (self);
}

/* @fraction: 0–1, or MW_PROGRESS_UNKNOWN */
void
mw_progress_set_fraction (MwProgress *self,
                          double      fraction)
{
  g_return_if_fail (self != NULL);
  g_atomic_int_set (&self->steps, fraction < 0 ? -1 : (gint) (CLAMP (fraction, 0, 1) * STEPS));
  if (self->to != NULL && !mw_progress_is_cancelled (self))
    mw_progress_set_fraction (self->to, fraction);
}

/* Returns: 0–1, or MW_PROGRESS_UNKNOWN */
double
mw_progress_get_fraction (MwProgress *self)
{
  gint steps;

  g_return_val_if_fail (self != NULL, MW_PROGRESS_UNKNOWN);
  steps = g_atomic_int_get (&self->steps);
  return steps < 0 ? MW_PROGRESS_UNKNOWN : (double) steps / STEPS;
}

gboolean
mw_progress_is_cancelled (MwProgress *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_cancellable_is_cancelled (self->cancellable);
}

/* Not nested: one operation a thread at a time. */
void
mw_progress_push_thread_default (MwProgress *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_private_get (&thread_default) == NULL);
  g_private_set (&thread_default, self);
}

void
mw_progress_pop_thread_default (MwProgress *self)
{
  g_return_if_fail (g_private_get (&thread_default) == self);
  g_private_set (&thread_default, NULL);
}

/* Returns: (nullable) (transfer none): this thread's progress */
MwProgress *
mw_progress_get_thread_default (void)
{
  return g_private_get (&thread_default);
}

gboolean
mw_progress_report (double start,
                    double end,
                    double fraction)
{
  MwProgress *self = g_private_get (&thread_default);

  if (self == NULL)
    return TRUE;
  mw_progress_set_fraction (self, start + (end - start) * CLAMP (fraction, 0, 1));
  return !mw_progress_is_cancelled (self);
}
