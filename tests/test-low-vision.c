/* test-low-vision.c: canvas colours meet WCAG AA, labels follow text scaling
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computed from the style tables (src/render/mw-render-style.c): text needs
 * 4.5:1, ties and the selection 3:1 (WCAG 2.1, 1.4.3 and 1.4.11), on the
 * canvas and on the darkest box a label may sit in — an organisation's
 * tint with a unit's over it, as mw-render-groups.c paints them. Actor
 * labels and group names grow with the desktop's text scaling.
 */

#include "mw-renderer.h"
#include "mw-renderer-private.h"

#define TEXT_RATIO     4.5
#define GRAPHICS_RATIO 3.0

typedef struct
{
  const char *name;
  gboolean    dark;
  gboolean    high_contrast;
} Style;

static const Style styles[] = {
  { "light", FALSE, FALSE },
  { "dark", TRUE, FALSE },
  { "light high contrast", FALSE, TRUE },
  { "dark high contrast", TRUE, TRUE },
};

/* The most tinted ground a unit label has: the organisation's colour at
 * 12% (dark) or 8% (light), the ink at 6% or 3.5% over it. */
static void
box_ground (const MwTheme *theme,
            const MwColor *org,
            gboolean       dark,
            MwColor       *ground)
{
  MwColor tinted;

  _mw_color_over (org, dark ? 0.12 : 0.08, &theme->background, &tinted);
  _mw_color_over (&theme->text, dark ? 0.06 : 0.035, &tinted, ground);
}

static void
check (GString       *failures,
       const Style   *style,
       const char    *what,
       const MwColor *color,
       const MwColor *ground,
       double         needed)
{
  double ratio = _mw_contrast_ratio (color, ground);

  g_test_message ("%s, %s: %.2f:1", style->name, what, ratio);
  if (ratio < needed)
    g_string_append_printf (failures, "%s, %s: %.2f:1 < %.1f:1\n", style->name, what, ratio, needed);
}

static void
test_contrast_ratio (void)
{
  const MwColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 }, grey = { 0.5, 0.5, 0.5, 1 };
  MwColor half;

  g_assert_cmpfloat_with_epsilon (_mw_contrast_ratio (&black, &white), 21, 1e-9);
  g_assert_cmpfloat_with_epsilon (_mw_contrast_ratio (&white, &white), 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (_mw_contrast_ratio (&grey, &white), 3.98, 0.01);
  _mw_color_over (&white, 0.5, &black, &half);
  g_assert_cmpfloat (half.red, ==, 0.5);
}

static void
test_contrast_styles (void)
{
  g_autoptr(GString) failures = g_string_new (NULL);
  static const char *ties[] = { "reports", "collaborates", "influences", "checks" };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      const Style *style = &styles[s];
      const MwTheme *theme = _mw_theme_get_for (style->dark, style->high_contrast);
      const MwColor *palette;
      guint n;

      check (failures, style, "labels", &theme->text, &theme->background, TEXT_RATIO);
      check (failures, style, "unit labels", &theme->text_soft, &theme->background, TEXT_RATIO);
      check (failures, style, "labels on their halo", &theme->text, &theme->halo, TEXT_RATIO);
      check (failures, style, "selection", &theme->accent, &theme->background, GRAPHICS_RATIO);
      for (guint t = 0; t < MW_N_TIE_TYPES; t++)
        {
          g_autofree char *what = g_strdup_printf ("%s ties", ties[t]);
          check (failures, style, what, &theme->tie[t], &theme->background, GRAPHICS_RATIO);
        }

      palette = _mw_palette_get (style->dark, &n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *what = g_strdup_printf ("unit labels in organisation colour %u", i);
          g_autofree char *org_what = g_strdup_printf ("organisation labels in colour %u", i);
          MwColor ground;

          box_ground (theme, &palette[i], style->dark, &ground);
          check (failures, style, what, &theme->text_soft, &ground, TEXT_RATIO);
          check (failures, style, org_what, &theme->text, &ground, TEXT_RATIO);
        }
    }

  if (failures->len > 0)
    g_error ("colour pairs below WCAG AA:\n%s", failures->str);
}

/* Twice the text scaling, twice the label; the factor is kept in bounds. */
static void
test_text_scale (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  MwActor *actor = mw_network_add_actor (network, "a", "Maria Okafor", MW_ACTOR_PERSON, NULL);
  double width, height, scaled_width, scaled_height;

  _mw_renderer_label_size (renderer, actor, &width, &height);
  mw_renderer_set_text_scale (renderer, 2);
  _mw_renderer_label_size (renderer, actor, &scaled_width, &scaled_height);
  g_assert_cmpfloat_with_epsilon (scaled_height / height, 2, 0.15);
  g_assert_cmpfloat (scaled_width, >, width * 1.5);

  mw_renderer_set_text_scale (renderer, 100);
  _mw_renderer_label_size (renderer, actor, NULL, &scaled_height);
  g_assert_cmpfloat (scaled_height, <, height * 3.5);
}

/* Unit and organisation names scale with the text as actor labels do. */
static void
test_text_scale_groups (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);

  for (guint is_org = 0; is_org < 2; is_org++)
    {
      double height, scaled_height;

      mw_renderer_set_text_scale (renderer, 1);
      _mw_renderer_group_label_size (renderer, "Northwind Health", is_org, NULL, &height);
      mw_renderer_set_text_scale (renderer, 2);
      _mw_renderer_group_label_size (renderer, "Northwind Health", is_org, NULL, &scaled_height);
      g_assert_cmpfloat_with_epsilon (scaled_height / height, 2, 0.15);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contrast/ratio", test_contrast_ratio);
  g_test_add_func ("/contrast/styles", test_contrast_styles);
  g_test_add_func ("/low-vision/text-scale", test_text_scale);
  g_test_add_func ("/low-vision/text-scale-groups", test_text_scale_groups);
  return g_test_run ();
}
