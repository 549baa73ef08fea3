/* mw-label.c: labels as people see them, from labels as the file wrote them
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-network"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mw-label.h"
#include "mw-label-private.h"

/* Each line's runs of white space made one space, the line trimmed, and
 * empty lines dropped: what HTML and record labels look like drawn. */
static char *
tidy_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup (g_strstrip (lines[i]));
      GString *tidy = g_string_new (NULL);

      for (const char *p = line; *p != '\0'; p++)
        if (!g_ascii_isspace (*p) || (tidy->len > 0 && !g_ascii_isspace (tidy->str[tidy->len - 1])))
          g_string_append_c (tidy, g_ascii_isspace (*p) ? ' ' : *p);

      if (tidy->len > 0)
        g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "", tidy->str);
      g_string_free (tidy, TRUE);
    }

  return g_string_free (out, FALSE);
}

/* "&amp;" → "&", "&#233;" and "&#xE9;" → "é", "&eacute;" → "é" (HTML 4's
 * names, as Graphviz reads them in every label); returns the bytes read, 0
 * when @p starts no entity (then "&" is itself, as in "R&D"). */
static gsize
read_entity (const char *p,
             GString    *out)
{
  const char *end = strchr (p, ';');
  gunichar c = 0;
  gsize length;

  if (end == NULL || end - p > 10 || end - p < 3)
    return 0;
  length = end - p + 1;

  if (p[1] == '#')
    {
      gboolean hex = p[2] == 'x' || p[2] == 'X';
      const char *digits = p + (hex ? 3 : 2);

      if (digits == end)
        return 0;
      for (const char *d = digits; d < end; d++)
        if (hex ? !g_ascii_isxdigit (*d) : !g_ascii_isdigit (*d))
          return 0;
      c = strtoul (digits, NULL, hex ? 16 : 10);
    }
  /* a no-break space reads as a space in a label laid out by lines */
  else if (end - p - 1 == 4 && strncmp (p + 1, "nbsp", 4) == 0)
    c = ' ';
  else
    c = _mw_label_entity (p + 1, end - p - 1);

  if (c == 0 || !g_unichar_validate (c))
    return 0;
  g_string_append_unichar (out, c);
  return length;
}

/* An HTML-like label's text: tags dropped, a line break for <BR/> and
 * each table row, a space between cells, entities read. */
static char *
html_to_text (const char *html)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize entity;

  for (const char *p = html; *p != '\0'; )
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          g_autofree char *tag = g_ascii_strdown (p + 1, end != NULL ? end - p - 1 : -1);

          if (g_str_has_prefix (tag, "br") || g_str_has_prefix (tag, "/tr"))
            g_string_append_c (out, '\n');
          else if (g_str_has_prefix (tag, "/td"))
            g_string_append_c (out, ' ');
          p = end != NULL ? end + 1 : p + strlen (p);
        }
      else if (*p == '&' && (entity = read_entity (p, out)) > 0)
        p += entity;
      else
        g_string_append_c (out, *p++);
    }

  return tidy_lines (out->str);
}

/* DOT's escapes: \n, \l and \r end a line (centred, left, right: all
 * one line break here), \N is the node's name, "&eacute;" is "é" (as
 * Graphviz draws it), a backslash before any
 * other character is that character. In a record label, `|`, `{` and `}`
 * part the fields and `<port>` names a field: fields are shown joined by
 * " | ", the way a record reads across. */
static char *
escaped_to_text (const char *label,
                 gboolean    record,
                 const char *name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) field = g_string_new (NULL);
  gsize entity;

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '&' && (entity = read_entity (p, field)) > 0)
        p += entity - 1;
      else if (*p == '\\' && p[1] != '\0')
        {
          p++;
          if (*p == 'n' || *p == 'l' || *p == 'r')
            g_string_append_c (field, '\n');
          else if (*p == 'N' && name != NULL)
            g_string_append (field, name);
          else
            g_string_append_c (field, *p);
        }
      else if (record && *p == '<')
        {
          const char *end = strchr (p, '>');
          p = end != NULL ? end : p + strlen (p) - 1;
        }
      else if (record && (*p == '|' || *p == '{' || *p == '}'))
        {
          g_autofree char *text = tidy_lines (field->str);

          if (*text != '\0')
            g_string_append_printf (out, "%s%s", out->len > 0 ? " | " : "", text);
          g_string_truncate (field, 0);
        }
      else
        g_string_append_c (field, *p);
    }

  if (!record)
    {
      /* a final \l ends the last line rather than starting an empty one */
      if (field->len > 0 && field->str[field->len - 1] == '\n')
        g_string_truncate (field, field->len - 1);
      return g_strdup (field->str);
    }

  {
    g_autofree char *text = tidy_lines (field->str);

    if (*text != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " | " : "", text);
  }
  return g_strdup (out->str);
}

/**
 * mw_label_dup_text:
 * @label: a label as the file wrote it
 * @html: whether it is an HTML-like label (`label=<…>`)
 * @record: whether it belongs to a `shape=record` or `Mrecord` node
 * @name: (nullable): what `\N` stands for
 *
 * Returns: (transfer full): the text people see: HTML-like labels as their
 *   text, record labels as their fields, `\n`, `\l` and `\r` as line breaks
 */
char *
mw_label_dup_text (const char *label,
                   gboolean    html,
                   gboolean    record,
                   const char *name)
{
  g_return_val_if_fail (label != NULL, NULL);

  if (html)
    return html_to_text (label);
  return escaped_to_text (label, record, name);
}

static gboolean
is_record_shape (const char *shape)
{
  return shape != NULL && (g_ascii_strcasecmp (shape, "record") == 0 ||
                           g_ascii_strcasecmp (shape, "Mrecord") == 0);
}

static char *
display_label (const MwActor *actor,
               const char    *default_shape)
{
  const char *shape = g_hash_table_lookup (actor->attrs, "shape");
  gboolean html = mw_attrs_value_is_html (actor->attrs, "label", actor->label);
  char *text;

  if (shape == NULL)
    shape = default_shape;

  text = mw_label_dup_text (actor->label, html, !html && is_record_shape (shape), actor->id);
  if (*text == '\0')
    {
      g_free (text);
      return g_strdup (actor->id);
    }
  return text;
}

/**
 * mw_actor_dup_display_label:
 *
 * The label as drawn. The stored label stays exactly as written, so that
 * it is saved back unchanged; this is what the canvas and exports show.
 * Use mw_network_dup_actor_display_label() where the network is at hand:
 * it also knows a record shape the file declared for every node.
 *
 * Returns: (transfer full): never empty (the id when nothing else shows)
 */
char *
mw_actor_dup_display_label (const MwActor *actor)
{
  g_return_val_if_fail (actor != NULL, NULL);
  return display_label (actor, NULL);
}

char *
mw_network_dup_actor_display_label (MwNetwork     *network,
                                    const MwActor *actor)
{
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return display_label (actor, g_hash_table_lookup (mw_network_get_node_defaults (network), "shape"));
}

/**
 * mw_network_dup_title:
 *
 * The graph's `label`, as people see it: the network's title on the canvas
 * and in exports.
 *
 * Returns: (transfer full) (nullable): %NULL when the graph has no label
 */
char *
mw_network_dup_title (MwNetwork *network)
{
  GHashTable *attrs;
  const char *label;
  g_autofree char *text = NULL;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  attrs = mw_network_get_attrs (network);
  label = g_hash_table_lookup (attrs, "label");
  if (label == NULL || *label == '\0')
    return NULL;

  text = mw_label_dup_text (label, mw_attrs_value_is_html (attrs, "label", label), FALSE, NULL);
  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}
