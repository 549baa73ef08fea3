/* mw-types.c
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "mw-types.h"

G_DEFINE_QUARK (mw-error-quark, mw_error)

static const char * const actor_kind_names[MW_N_ACTOR_KINDS] = {
  "person", "team", "organisation",
};

static const char * const tie_type_names[MW_N_TIE_TYPES] = {
  "reports", "collaborates", "influences", "checks",
};

const char *
mw_actor_kind_to_string (MwActorKind kind)
{
  g_return_val_if_fail (kind < MW_N_ACTOR_KINDS, NULL);
  return actor_kind_names[kind];
}

gboolean
mw_actor_kind_from_string (const char  *str,
                           MwActorKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < MW_N_ACTOR_KINDS; i++)
    {
      if (g_ascii_strcasecmp (str, actor_kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  /* American spelling, as other tools write it */
  if (g_ascii_strcasecmp (str, "organization") == 0)
    {
      *kind = MW_ACTOR_ORGANISATION;
      return TRUE;
    }

  return FALSE;
}

const char *
mw_tie_type_to_string (MwTieType type)
{
  g_return_val_if_fail (type < MW_N_TIE_TYPES, NULL);
  return tie_type_names[type];
}

gboolean
mw_tie_type_from_string (const char *str,
                         MwTieType  *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < MW_N_TIE_TYPES; i++)
    {
      if (g_ascii_strcasecmp (str, tie_type_names[i]) == 0)
        {
          *type = i;
          return TRUE;
        }
    }

  return FALSE;
}

typedef struct
{
  const char *word;
  MwTieType   type;
} Synonym;

/* Compared after lower-casing, with "_" and "-" read as spaces. */
static const Synonym tie_synonyms[] = {
  { "reports", MW_TIE_REPORTS }, { "report", MW_TIE_REPORTS }, { "reports to", MW_TIE_REPORTS },
  { "reporting", MW_TIE_REPORTS }, { "reporting line", MW_TIE_REPORTS }, { "line", MW_TIE_REPORTS },
  { "manager", MW_TIE_REPORTS }, { "hierarchy", MW_TIE_REPORTS }, { "formal", MW_TIE_REPORTS },
  { "solid line", MW_TIE_REPORTS }, { "supervision", MW_TIE_REPORTS },
  { "collaborates", MW_TIE_COLLABORATES }, { "collaborate", MW_TIE_COLLABORATES },
  { "collaboration", MW_TIE_COLLABORATES }, { "collab", MW_TIE_COLLABORATES },
  { "works with", MW_TIE_COLLABORATES }, { "cooperates", MW_TIE_COLLABORATES },
  { "cooperation", MW_TIE_COLLABORATES }, { "peer", MW_TIE_COLLABORATES },
  { "partner", MW_TIE_COLLABORATES }, { "teamwork", MW_TIE_COLLABORATES },
  { "communication", MW_TIE_COLLABORATES }, { "undirected", MW_TIE_COLLABORATES },
  { "influences", MW_TIE_INFLUENCES }, { "influence", MW_TIE_INFLUENCES },
  { "advice", MW_TIE_INFLUENCES }, { "advises", MW_TIE_INFLUENCES },
  { "informs", MW_TIE_INFLUENCES }, { "shapes", MW_TIE_INFLUENCES },
  { "directed", MW_TIE_INFLUENCES },
  { "checks", MW_TIE_CHECKS }, { "check", MW_TIE_CHECKS }, { "reviews", MW_TIE_CHECKS },
  { "review", MW_TIE_CHECKS }, { "peer review", MW_TIE_CHECKS }, { "oversight", MW_TIE_CHECKS },
  { "audits", MW_TIE_CHECKS }, { "audit", MW_TIE_CHECKS }, { "risk", MW_TIE_CHECKS },
  { "challenges", MW_TIE_CHECKS },
};

/**
 * mw_tie_type_from_synonym:
 *
 * Meshwork's four type names and the words files use for them, any case,
 * `_` or `-` for spaces: "Reports_To", "advice", "peer review"…
 */
gboolean
mw_tie_type_from_synonym (const char *str,
                          MwTieType  *type)
{
  g_autofree char *word = NULL;

  g_return_val_if_fail (type != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  word = g_strstrip (g_ascii_strdown (str, -1));
  g_strdelimit (word, "_-", ' ');

  for (guint i = 0; i < G_N_ELEMENTS (tie_synonyms); i++)
    if (strcmp (word, tie_synonyms[i].word) == 0)
      {
        *type = tie_synonyms[i].type;
        return TRUE;
      }

  return FALSE;
}

gboolean
mw_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

gboolean
mw_parse_bool (const char *str)
{
  if (str == NULL)
    return FALSE;

  str += strspn (str, " \t");

  return g_ascii_strncasecmp (str, "true", 4) == 0 ||
         g_ascii_strncasecmp (str, "yes", 3) == 0 ||
         g_ascii_strncasecmp (str, "on", 2) == 0 ||
         g_ascii_strcasecmp (str, "1") == 0;
}

gboolean
mw_parse_number (const char *str,
                 double     *number)
{
  char *end;

  g_return_val_if_fail (number != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  *number = g_ascii_strtod (str, &end);
  return end != str && *end == '\0' && isfinite (*number);
}

/* The fewest significant digits that read back as exactly @value. */
static char *
format_shortest (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 1; digits < 17; digits++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", digits);

      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        return g_strdup (buf);
    }

  return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
}

char *
mw_format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  /* "%.3f" of 1e300 needs 300 digits, far more than the buffer holds:
   * g_ascii_formatd() would cut them and save another number. Such
   * numbers go in exponent form, exact. */
  if (fabs (value) >= 1e15)
    return format_shortest (value);

  g_ascii_formatd (buf, sizeof buf, "%.3f", value);

  end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");

  /* three decimals keep positions readable; a value they would change
   * (a weight of 1.0255) is written exactly instead */
  if (g_ascii_strtod (buf, NULL) != value)
    return format_shortest (value);

  return g_strdup (buf);
}

/* The key that marks @key's value as HTML-like (see MW_HTML_MARK). */
char *
mw_html_mark_key (const char *key)
{
  return g_strconcat (MW_HTML_MARK, key, NULL);
}

/* What the mark of an HTML-like @value holds. */
char *
mw_html_mark_value (const char *value)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, value, -1);
}

gboolean
mw_is_html_mark_key (const char *key)
{
  return g_str_has_prefix (key, MW_HTML_MARK);
}

/**
 * mw_attrs_value_is_html:
 * @attrs: an attribute table (char* → char*)
 * @value: (nullable): the value of @key, wherever it is kept (an actor's
 *   label is a field; the mark is still in its table); %NULL to look it up
 *
 * Returns: whether @key's value is a Graphviz HTML-like string
 */
gboolean
mw_attrs_value_is_html (GHashTable *attrs,
                        const char *key,
                        const char *value)
{
  g_autofree char *mark_key = NULL;
  g_autofree char *checksum = NULL;
  const char *mark;

  if (attrs == NULL || g_hash_table_size (attrs) == 0)
    return FALSE;

  mark_key = mw_html_mark_key (key);
  mark = g_hash_table_lookup (attrs, mark_key);
  if (value == NULL)
    value = g_hash_table_lookup (attrs, key);

  if (mark == NULL || value == NULL)
    return FALSE;

  checksum = mw_html_mark_value (value);
  return strcmp (mark, checksum) == 0;
}
