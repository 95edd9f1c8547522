/* feed-test-util.h: bounded waits and a tick collector for the feed tests
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "feed/ts-feed-client.h"

typedef gboolean (*WaitFunc) (gpointer data);

static inline gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the thread-default context until @func holds or @seconds pass. */
static inline gboolean
wait_for (WaitFunc  func,
          gpointer  data,
          double    seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  GSource *wake = g_timeout_source_new (10);
  gboolean ok;

  g_source_set_callback (wake, wake_cb, NULL, NULL);
  g_source_attach (wake, g_main_context_get_thread_default ());
  while (!(ok = func (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  g_source_destroy (wake);
  g_source_unref (wake);
  return ok;
}

static inline void
spin (double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  GSource *wake = g_timeout_source_new (10);

  g_source_set_callback (wake, wake_cb, NULL, NULL);
  g_source_attach (wake, g_main_context_get_thread_default ());
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  g_source_destroy (wake);
  g_source_unref (wake);
}

typedef struct
{
  TsFeedClient *client;
  GArray       *ticks;    /* TsTick */
  guint         batches;
  TsFeedState   wanted;
  guint         wanted_ticks;
  GArray       *states;   /* TsFeedState, every change */
} Collector;

static inline void
collect_cb (const TsTick *ticks,
            guint         n_ticks,
            gpointer      user_data)
{
  Collector *c = user_data;

  g_array_append_vals (c->ticks, ticks, n_ticks);
  c->batches++;
}

static inline void
state_cb (TsFeedClient *client,
          gpointer      user_data)
{
  Collector *c = user_data;
  TsFeedState state = ts_feed_client_get_state (client);

  g_array_append_val (c->states, state);
}

static inline void
collector_init (Collector *c)
{
  memset (c, 0, sizeof *c);
  c->client = ts_feed_client_new ();
  c->ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  c->states = g_array_new (FALSE, FALSE, sizeof (TsFeedState));
  ts_feed_client_set_tick_func (c->client, collect_cb, c, NULL);
  g_signal_connect (c->client, "state-changed", G_CALLBACK (state_cb), c);
}

static inline void
collector_clear (Collector *c)
{
  g_assert_finalize_object (c->client);
  g_array_unref (c->ticks);
  g_array_unref (c->states);
}

static inline gboolean
state_is (gpointer data)
{
  Collector *c = data;

  return ts_feed_client_get_state (c->client) == c->wanted;
}

static inline gboolean
has_ticks (gpointer data)
{
  Collector *c = data;

  return c->ticks->len >= c->wanted_ticks;
}

static inline gboolean
wait_state (Collector   *c,
            TsFeedState  state,
            double       seconds)
{
  c->wanted = state;
  return wait_for (state_is, c, seconds);
}

static inline gboolean
wait_ticks (Collector *c,
            guint      n,
            double     seconds)
{
  c->wanted_ticks = n;
  return wait_for (has_ticks, c, seconds);
}
