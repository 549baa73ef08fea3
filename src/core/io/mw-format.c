/* mw-format.c: which network format a file is, and loading and saving by it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that knows the network formats: by a file's name (its
 * extension, whatever its case) and by its content (XML starts with `<`,
 * DOT never does). Everything that opens or writes a network — the
 * document, the drafts, meshwork-cli — asks here, so they all agree. The
 * order is always: a format given explicitly, then the name, then the
 * content. The parsers themselves live in mw-dot.c and mw-graphml.c.
 */

#define G_LOG_DOMAIN "mw-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "mw-format.h"
#include "mw-dot.h"
#include "mw-graphml.h"
#include "mw-text.h"

/* Enough of a file to see past a BOM and leading white space. */
#define SNIFF_BYTES 512

static const char * const dot_patterns[] = { "*.gv", "*.dot", NULL };
static const char * const graphml_patterns[] = { "*.graphml", NULL };

static const MwFormatInfo formats[] = {
  { MW_FORMAT_DOT, "dot", N_("Networks (DOT)"), dot_patterns, "text/vnd.graphviz", ".gv" },
  { MW_FORMAT_GRAPHML, "graphml", N_("Networks (GraphML)"), graphml_patterns, NULL, ".graphml" },
};

/**
 * mw_format_get_all:
 * @n_formats: (out): how many there are
 *
 * Returns: (transfer none) (array length=n_formats): every format, the
 *   native one (DOT) first; static data
 */
const MwFormatInfo *
mw_format_get_all (guint *n_formats)
{
  g_return_val_if_fail (n_formats != NULL, NULL);

  *n_formats = G_N_ELEMENTS (formats);
  return formats;
}

/**
 * mw_format_get_info:
 *
 * Returns: (transfer none) (nullable): what there is to know of @format,
 *   %NULL for %MW_FORMAT_UNKNOWN
 */
const MwFormatInfo *
mw_format_get_info (MwFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return &formats[i];
  return NULL;
}

/**
 * mw_format_for_name:
 * @name: (nullable): a file name, a path or a URI
 *
 * Returns: the format @name's extension says (.gv and .dot: DOT, .graphml:
 *   GraphML, in any case), or %MW_FORMAT_UNKNOWN
 */
MwFormat
mw_format_for_name (const char *name)
{
  g_autofree char *folded = NULL;

  if (name == NULL)
    return MW_FORMAT_UNKNOWN;

  /* Extensions are ASCII; the rest of the name need not even be UTF-8. */
  folded = g_ascii_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (const char * const *p = formats[i].patterns; *p != NULL; p++)
      if (g_str_has_suffix (folded, *p + 1))
        return formats[i].format;

  return MW_FORMAT_UNKNOWN;
}

/**
 * mw_format_sniff:
 * @data: (array length=length): the start of a file, or all of it
 *
 * GraphML is XML, whose first character (after a byte order mark and white
 * space, in UTF-8, UTF-16 or UTF-32: mw_text_detect()) is `<`; a DOT file starts with a keyword or a
 * comment.
 *
 * Returns: %MW_FORMAT_GRAPHML or %MW_FORMAT_DOT, never %MW_FORMAT_UNKNOWN
 */
MwFormat
mw_format_sniff (const char *data,
                 gsize       length)
{
  const guchar *p = (const guchar *) data;
  const guchar *end;
  gsize bom = 0;
  MwTextForm form;
  guint step;       /* bytes per code unit: 2 in UTF-16 */
  guint low;        /* where in a code unit its ASCII byte is */

  g_return_val_if_fail (data != NULL || length == 0, MW_FORMAT_DOT);

  form = mw_text_detect (data, length, &bom);
  step = mw_text_unit_size (form);
  low = mw_text_is_big_endian (form) ? step - 1 : 0;
  end = p + length;

  for (p += bom; p + step <= end; p += step)
    {
      guchar c = p[low];
      gboolean ascii = TRUE;

      for (guint k = 0; k < step; k++)
        ascii = ascii && (k == low || p[k] == 0);
      if (!ascii)
        break;
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
        return c == '<' ? MW_FORMAT_GRAPHML : MW_FORMAT_DOT;
    }

  return MW_FORMAT_DOT;
}

/**
 * mw_format_strip_extension:
 * @basename: a file's name, as shown
 *
 * A title for people: "meshwork-example" for "meshwork-example.gv". Names
 * without a network format's extension are kept whole.
 *
 * Returns: (transfer full): the title
 */
char *
mw_format_strip_extension (const char *basename)
{
  const char *dot;

  g_return_val_if_fail (basename != NULL, NULL);

  dot = strrchr (basename, '.');
  if (dot == NULL || mw_format_for_name (basename) == MW_FORMAT_UNKNOWN)
    return g_strdup (basename);
  return g_strndup (basename, dot - basename);
}

/* An explicit format wins, then the name, then the content. */
static MwFormat
choose (MwFormat    format,
        const char *name_hint,
        const char *data,
        gsize       length)
{
  if (format == MW_FORMAT_UNKNOWN)
    format = mw_format_for_name (name_hint);
  if (format == MW_FORMAT_UNKNOWN)
    format = mw_format_sniff (data, length);
  return format;
}

/* Files people bring that are not networks Meshwork opens, and what to do
 * with them: read as DOT, they gave "syntax error near 'name'". */
static const struct
{
  const char *suffix;
  const char *advice;
} foreign_formats[] = {
  /* the first two are what the import reads (mw_format_is_import_name()) */
  { ".csv", N_("a CSV file is imported into a network, not opened: Import… in the app, or meshwork-cli import") },
  { ".tsv", N_("a CSV file is imported into a network, not opened: Import… in the app, or meshwork-cli import") },
  { ".xlsx", N_("a spreadsheet is imported once saved as CSV: Import… in the app, or meshwork-cli import") },
  { ".xls", N_("a spreadsheet is imported once saved as CSV: Import… in the app, or meshwork-cli import") },
  { ".ods", N_("a spreadsheet is imported once saved as CSV: Import… in the app, or meshwork-cli import") },
  { ".gexf", N_("Meshwork does not read GEXF; export the network from Gephi as GraphML") },
  { ".net", N_("Meshwork does not read Pajek files; save the network as GraphML or DOT (Gephi, networkx and igraph write both)") },
  { ".paj", N_("Meshwork does not read Pajek files; save the network as GraphML or DOT (Gephi, networkx and igraph write both)") },
  { ".gml", N_("Meshwork does not read GML; save the network as GraphML or DOT (Gephi, networkx and igraph write both)") },
  { ".json", N_("Meshwork does not read JSON networks; save the network as GraphML or DOT (networkx: write_graphml)") },
};

#define N_IMPORT_FORMATS 2

/**
 * mw_format_is_import_name:
 * @name: (nullable): a file name, a path or a URI
 *
 * Returns: whether @name is a table the CSV import reads (.csv, .tsv): the
 *   app imports such a file where it would open a network
 */
gboolean
mw_format_is_import_name (const char *name)
{
  g_autofree char *folded = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  for (guint i = 0; folded != NULL && i < N_IMPORT_FORMATS; i++)
    if (g_str_has_suffix (folded, foreign_formats[i].suffix))
      return TRUE;
  return FALSE;
}

/* Sets @error when @name's extension is one of foreign_formats. */
static gboolean
refuse_foreign (const char  *source_name,
                const char  *name,
                GError     **error)
{
  g_autofree char *folded = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  if (folded == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (foreign_formats); i++)
    if (g_str_has_suffix (folded, foreign_formats[i].suffix))
      {
        g_set_error (error, MW_ERROR, MW_ERROR_PARSE, "%s: %s", source_name, _(foreign_formats[i].advice));
        return TRUE;
      }
  return FALSE;
}

/**
 * mw_format_load_data:
 * @format: the format, or %MW_FORMAT_UNKNOWN to decide by @name_hint, then
 *   by the content
 * @source_name: what error messages call the data
 * @name_hint: (nullable): a file name whose extension may tell the format
 * @limits: (nullable): the defaults when %NULL
 *
 * Returns: (transfer full) (nullable): the network, or %NULL with @error
 */
MwNetwork *
mw_format_load_data (MwFormat         format,
                     const char      *data,
                     gsize            length,
                     const char      *source_name,
                     const char      *name_hint,
                     const MwLimits  *limits,
                     GError         **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  if (format == MW_FORMAT_UNKNOWN && refuse_foreign (source_name, name_hint, error))
    return NULL;
  if (choose (format, name_hint, data, length) == MW_FORMAT_GRAPHML)
    return mw_graphml_load_data (data, length, source_name, limits, error);
  return mw_dot_load_data (data, length, source_name, limits, error);
}

/* The format of a file whose name does not say: its first bytes do. Only a
 * regular file is read twice; a pipe (/dev/fd/N, a FIFO) would lose what
 * was sniffed, so it goes to the DOT loader as it always did. A file that
 * cannot be read goes there too, and the DOT loader says why. */
static MwFormat
sniff_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  char head[SNIFF_BYTES];
  gsize n = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return MW_FORMAT_DOT;

  in = g_file_read (file, NULL, NULL);
  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, NULL, NULL))
    return MW_FORMAT_DOT;
  return mw_format_sniff (head, n);
}

/**
 * mw_format_load_file:
 * @format: the format, or %MW_FORMAT_UNKNOWN to decide by @path's
 *   extension, then by the content
 * @limits: (nullable): the defaults when %NULL
 *
 * Returns: (transfer full) (nullable): the network, or %NULL with @error
 */
MwNetwork *
mw_format_load_file (MwFormat         format,
                     const char      *path,
                     const MwLimits  *limits,
                     GError         **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (format == MW_FORMAT_UNKNOWN)
    format = mw_format_for_name (path);
  if (format == MW_FORMAT_UNKNOWN)
    {
      g_autofree char *display = g_filename_display_name (path);

      if (refuse_foreign (display, path, error))
        return NULL;
      format = sniff_file (path);
    }

  if (format == MW_FORMAT_GRAPHML)
    return mw_graphml_load_file (path, limits, error);
  return mw_dot_load_file (path, limits, error);
}

/**
 * mw_format_save_data:
 * @format: the format; %MW_FORMAT_UNKNOWN saves DOT, Meshwork's own
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the network as text
 */
char *
mw_format_save_data (MwFormat   format,
                     MwNetwork *network,
                     gsize     *length)
{
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  if (format == MW_FORMAT_GRAPHML)
    return mw_graphml_save_data (network, length);
  return mw_dot_save_data (network, length);
}

static guint
count_subgraphs (GPtrArray *subgraphs)
{
  guint n = subgraphs->len;

  for (guint i = 0; i < subgraphs->len; i++)
    n += count_subgraphs (((MwSubgraph *)g_ptr_array_index (subgraphs, i))->children);
  return n;
}

/**
 * mw_format_describe_losses:
 * @format: the format to save in; %MW_FORMAT_UNKNOWN stands for DOT
 *
 * What saving @network in @format cannot keep of the file it came from,
 * for telling people before they save: "the keys of 3 edges, 2 subgraphs".
 *
 * Returns: (transfer full) (nullable): %NULL when nothing is lost
 */
char *
mw_format_describe_losses (MwFormat   format,
                           MwNetwork *network)
{
  g_autoptr(GPtrArray) losses = g_ptr_array_new_with_free_func (g_free);
  const char * const *lossy;
  guint n_subgraphs;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  lossy = mw_network_get_lossy_features (network);
  for (guint i = 0; lossy[i] != NULL; i++)
    g_ptr_array_add (losses, g_strdup (lossy[i]));

  /* GraphML has no subgraphs; Meshwork's units are written as fields */
  n_subgraphs = count_subgraphs (mw_network_get_subgraphs (network));
  if (format == MW_FORMAT_GRAPHML && n_subgraphs > 0)
    g_ptr_array_add (losses, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u subgraph", "%u subgraphs",
                                                           n_subgraphs), n_subgraphs));

  if (losses->len == 0)
    return NULL;

  g_ptr_array_add (losses, NULL);
  /* Translators: the separator between the things a save cannot keep */
  return g_strjoinv (_(", "), (char **)losses->pdata);
}

/**
 * mw_format_save_file:
 * @format: the format, or %MW_FORMAT_UNKNOWN for the one @path's extension
 *   says, DOT when it says none
 * @path: a file name, or "-" for standard output
 *
 * Writes atomically (see mw_write_file()).
 */
gboolean
mw_format_save_file (MwFormat    format,
                     MwNetwork  *network,
                     const char *path,
                     GError    **error)
{
  g_return_val_if_fail (MW_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == MW_FORMAT_UNKNOWN)
    format = mw_format_for_name (path);
  if (format == MW_FORMAT_GRAPHML)
    return mw_graphml_save_file (network, path, error);
  return mw_dot_save_file (network, path, error);
}
