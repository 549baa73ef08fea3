/* mw-types.h
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Errors of the core library: loading, saving, parsing, limits. */
#define MW_ERROR (mw_error_quark ())

typedef enum
{
  MW_ERROR_FAILED,
  MW_ERROR_PARSE,      /* the file is not valid DOT (or CSV, GraphML…) */
  MW_ERROR_ENCODING,   /* not valid UTF-8 and no charset says otherwise */
  MW_ERROR_LIMIT,      /* refused before parsing: too big, too deep, too long */
  MW_ERROR_EMPTY,      /* no graph at all in the input */
  MW_ERROR_INVALID,    /* arguments that make no sense (unknown id, …) */
} MwError;

GQuark mw_error_quark (void);

typedef enum
{
  MW_ACTOR_PERSON,
  MW_ACTOR_TEAM,
  MW_ACTOR_ORGANISATION,
  MW_N_ACTOR_KINDS
} MwActorKind;

/* Tie types. `reports`: from reports to to (the formal line).
 * `collaborates`: symmetric. `influences`: from shapes to's decisions.
 * `checks`: from reviews to's risks (peer oversight). */
typedef enum
{
  MW_TIE_REPORTS,
  MW_TIE_COLLABORATES,
  MW_TIE_INFLUENCES,
  MW_TIE_CHECKS,
  MW_N_TIE_TYPES
} MwTieType;

const char *mw_actor_kind_to_string   (MwActorKind  kind);
gboolean    mw_actor_kind_from_string (const char  *str,
                                       MwActorKind *kind);
const char *mw_tie_type_to_string     (MwTieType    type);
gboolean    mw_tie_type_from_string   (const char  *str,
                                       MwTieType   *type);
/* "reports to", "Advice", "peer review"… → a tie type */
gboolean    mw_tie_type_from_synonym  (const char  *str,
                                       MwTieType   *type);

/* Replaces *str_pointer with a copy of new_str; TRUE when it changed.
 * (g_set_str() arrived in GLib 2.76, after Debian 12.) */
gboolean    mw_set_str                (char       **str_pointer,
                                       const char  *new_str);

/* "true", "yes", "1", "on" (any case) → TRUE; anything else FALSE. */
gboolean    mw_parse_bool             (const char  *str);
/* A whole text that is a finite number, read with '.' as decimal point
 * whatever the locale ("2", "-0.5", "1e3"); FALSE for anything else. */
gboolean    mw_parse_number           (const char  *str,
                                       double      *number);
/* A number as files write it: "." as decimal point whatever the locale,
 * three decimals when they hold the value exactly (else every digit it
 * needs), no trailing zeros. */
char       *mw_format_double          (double       value);

/* Graphviz's HTML-like strings (`label=<<b>x</b>>`): attribute tables hold
 * the text between the outer angle brackets under the attribute's name,
 * and a checksum of that text under MW_HTML_MARK + the name. A value is
 * HTML-like while the two agree, so that setting the attribute to other
 * text makes it plain, and undo (which restores both) makes it HTML again;
 * a checksum, so that a long value shared by many actors is not copied. */
#define MW_HTML_MARK "<html>"
char       *mw_html_mark_key          (const char  *key);
char       *mw_html_mark_value        (const char  *value);
gboolean    mw_is_html_mark_key       (const char  *key);
gboolean    mw_attrs_value_is_html    (GHashTable  *attrs,
                                       const char  *key,
                                       const char  *value);

G_END_DECLS
