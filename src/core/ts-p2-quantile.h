/* ts-p2-quantile.h: a running quantile in O(1) memory (the P² algorithm)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsP2Quantile:
 *
 * The P² estimate of the p-quantile of every value pushed so far, with five
 * markers and no stored observations (R. Jain and I. Chlamtac, "The P²
 * algorithm for dynamic calculation of quantiles and histograms without
 * storing observations", Communications of the ACM 28 (10), 1985). Exact
 * for the first five values (the sorted value nearest rank p (n - 1)), an
 * estimate after that. Used by the confluence strategy for "EWMA
 * volatility below its 90th percentile over the session" (STRATEGIES.md
 * section 5). A plain value: no allocation at all; O(1) per push.
 */
typedef struct
{
  double p;
  guint64 n;
  double q[5];       /* marker heights */
  double pos[5];     /* marker positions, 1-based */
  double want[5];    /* desired positions */
  double dwant[5];   /* their increments */
} TsP2Quantile;

/**
 * ts_p2_quantile_init:
 * @self: (out caller-allocates): the estimator
 * @p: the quantile, 0 < p < 1 (0.9 for the 90th percentile)
 */
void    ts_p2_quantile_init  (TsP2Quantile       *self,
                              double              p);

/**
 * ts_p2_quantile_push:
 * @x: a finite value
 */
void    ts_p2_quantile_push  (TsP2Quantile       *self,
                              double              x);

/**
 * ts_p2_quantile_get:
 *
 * Returns: the estimate, NaN before the first value
 */
double  ts_p2_quantile_get   (const TsP2Quantile *self);

G_END_DECLS
