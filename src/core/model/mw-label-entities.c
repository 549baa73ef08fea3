/* mw-label-entities.c: the character entities Graphviz reads in labels (those of HTML 4)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Graphviz draws "Caf&eacute;" as "Café", in plain labels as in HTML-like
 * ones; networkx and R escape names so. The names are HTML 4's.
 */

#define G_LOG_DOMAIN "mw-network"

#include "config.h"

#include <string.h>

#include "mw-label-private.h"

/* U+00A0 to U+00FF, in order. */
static const char * const latin1[] = {
  "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
  "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
  "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
  "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
  "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
  "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
  "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
  "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
  "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
  "uuml", "yacute", "thorn", "yuml",
};

/* U+0391 to U+03A9 (no U+03A2) and U+03B1 to U+03C9, in order. */
static const char * const greek_upper[] = {
  "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda",
  "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", NULL, "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi",
  "Omega",
};
static const char * const greek_lower[] = {
  "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
  "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi",
  "omega",
};

static const struct
{
  const char *name;
  gunichar    c;
} others[] = {
  { "quot", 34 }, { "amp", 38 }, { "apos", 39 }, { "lt", 60 }, { "gt", 62 },
  { "OElig", 338 }, { "oelig", 339 }, { "Scaron", 352 }, { "scaron", 353 }, { "Yuml", 376 },
  { "fnof", 402 }, { "circ", 710 }, { "tilde", 732 }, { "thetasym", 977 }, { "upsih", 978 },
  { "piv", 982 }, { "ensp", 8194 }, { "emsp", 8195 }, { "thinsp", 8201 }, { "zwnj", 8204 },
  { "zwj", 8205 }, { "lrm", 8206 }, { "rlm", 8207 }, { "ndash", 8211 }, { "mdash", 8212 },
  { "lsquo", 8216 }, { "rsquo", 8217 }, { "sbquo", 8218 }, { "ldquo", 8220 }, { "rdquo", 8221 },
  { "bdquo", 8222 }, { "dagger", 8224 }, { "Dagger", 8225 }, { "bull", 8226 }, { "hellip", 8230 },
  { "permil", 8240 }, { "prime", 8242 }, { "Prime", 8243 }, { "lsaquo", 8249 }, { "rsaquo", 8250 },
  { "oline", 8254 }, { "frasl", 8260 }, { "euro", 8364 }, { "image", 8465 }, { "weierp", 8472 },
  { "real", 8476 }, { "trade", 8482 }, { "alefsym", 8501 }, { "larr", 8592 }, { "uarr", 8593 },
  { "rarr", 8594 }, { "darr", 8595 }, { "harr", 8596 }, { "crarr", 8629 }, { "lArr", 8656 },
  { "uArr", 8657 }, { "rArr", 8658 }, { "dArr", 8659 }, { "hArr", 8660 }, { "forall", 8704 },
  { "part", 8706 }, { "exist", 8707 }, { "empty", 8709 }, { "nabla", 8711 }, { "isin", 8712 },
  { "notin", 8713 }, { "ni", 8715 }, { "prod", 8719 }, { "sum", 8721 }, { "minus", 8722 },
  { "lowast", 8727 }, { "radic", 8730 }, { "prop", 8733 }, { "infin", 8734 }, { "ang", 8736 },
  { "and", 8743 }, { "or", 8744 }, { "cap", 8745 }, { "cup", 8746 }, { "int", 8747 },
  { "there4", 8756 }, { "sim", 8764 }, { "cong", 8773 }, { "asymp", 8776 }, { "ne", 8800 },
  { "equiv", 8801 }, { "le", 8804 }, { "ge", 8805 }, { "sub", 8834 }, { "sup", 8835 },
  { "nsub", 8836 }, { "sube", 8838 }, { "supe", 8839 }, { "oplus", 8853 }, { "otimes", 8855 },
  { "perp", 8869 }, { "sdot", 8901 }, { "lceil", 8968 }, { "rceil", 8969 }, { "lfloor", 8970 },
  { "rfloor", 8971 }, { "lang", 9001 }, { "rang", 9002 }, { "loz", 9674 }, { "spades", 9824 },
  { "clubs", 9827 }, { "hearts", 9829 }, { "diams", 9830 },
};

static gboolean
is_name (const char *candidate,
         const char *name,
         gsize       length)
{
  return candidate != NULL && strlen (candidate) == length && strncmp (candidate, name, length) == 0;
}

static gunichar
in_run (const char * const *names,
        guint               n_names,
        gunichar            first,
        const char         *name,
        gsize               length)
{
  for (guint i = 0; i < n_names; i++)
    if (is_name (names[i], name, length))
      return first + i;
  return 0;
}

/* The character @name (@length bytes, without `&` and `;`) stands for, or 0. */
gunichar
_mw_label_entity (const char *name,
                  gsize       length)
{
  gunichar c;

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (is_name (others[i].name, name, length))
      return others[i].c;
  if ((c = in_run (latin1, G_N_ELEMENTS (latin1), 0xa0, name, length)) != 0 ||
      (c = in_run (greek_upper, G_N_ELEMENTS (greek_upper), 0x391, name, length)) != 0 ||
      (c = in_run (greek_lower, G_N_ELEMENTS (greek_lower), 0x3b1, name, length)) != 0)
    return c;
  return 0;
}
