/* mw-limits.c: the default limits and the checks every reader makes alike
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-limits"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mw-limits.h"
#include "mw-types.h"

void
mw_limits_init_default (MwLimits *limits)
{
  g_return_if_fail (limits != NULL);

  limits->max_bytes = 256 * 1024 * 1024;
  limits->max_subgraphs = 100000;
  limits->max_depth = 64;
  limits->max_string = 256 * 1024;
  limits->max_actors = 1000000;
  limits->max_ties = 5000000;
}

/**
 * mw_limits_or_default:
 * @limits: (nullable): the caller's limits
 * @storage: where the defaults are written when @limits is %NULL
 *
 * Returns: (transfer none): @limits, or @storage filled with the defaults
 */
const MwLimits *
mw_limits_or_default (const MwLimits *limits,
                      MwLimits       *storage)
{
  g_return_val_if_fail (storage != NULL, limits);

  if (limits != NULL)
    return limits;

  mw_limits_init_default (storage);
  return storage;
}

/**
 * mw_limits_check_size:
 *
 * Refuses @size bytes of @source_name when they are more than
 * @limits->max_bytes, with the same message for every format.
 *
 * Returns: %TRUE when the size is within the limit
 */
gboolean
mw_limits_check_size (const MwLimits  *limits,
                      guint64          size,
                      const char      *source_name,
                      GError         **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  g_return_val_if_fail (limits != NULL, FALSE);

  if (size <= limits->max_bytes)
    return TRUE;

  size_text = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
  limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT, limits->max_bytes);
  g_set_error (error, MW_ERROR, MW_ERROR_LIMIT, _("%s: the file is %s bytes; the limit is %s"),
               source_name, size_text, limit_text);
  return FALSE;
}

/**
 * mw_limits_check_count:
 * @what: a translated format with two `%s`, the count and the limit:
 *   "%s ties; the limit is %s"
 *
 * Refuses @count when it is more than @limit, in the words every refusal
 * uses: "file.gv: 6000000 ties; the limit is 5000000".
 *
 * Returns: %TRUE when the count is within the limit
 */
gboolean
mw_limits_check_count (guint64      count,
                       guint64      limit,
                       const char  *what,
                       const char  *source_name,
                       GError     **error)
{
  g_autofree char *count_text = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *message = NULL;

  if (count <= limit)
    return TRUE;

  count_text = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  limit_text = g_strdup_printf ("%" G_GUINT64_FORMAT, limit);
  message = g_strdup_printf (what, count_text, limit_text);
  g_set_error (error, MW_ERROR, MW_ERROR_LIMIT, "%s: %s", source_name, message);
  return FALSE;
}
