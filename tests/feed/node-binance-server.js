// A real external WebSocket peer acting as a Binance spot server (node-ws):
// listens on 127.0.0.1, prints "PORT <n>", waits for the client's first
// message (its SUBSCRIBE request), writes it to the file given as argv[2],
// answers like Binance ({"result":null,"id":..}), then sends combined-stream
// messages: 3 trades, 2 bookTickers, one garbage message, a last trade.
// Times are now, so the client's 24 h check passes.
'use strict';

const fs = require('fs');
const WebSocket = require('ws');

const subscribeFile = process.argv[2];
const wss = new WebSocket.Server({ host: '127.0.0.1', port: 0 });

setTimeout(() => { console.error('node-binance-server: timeout'); process.exit(1); }, 30000);

wss.on('listening', () => {
  console.log(`PORT ${wss.address().port}`);
});

function trade(id, price, qty, buyerIsMaker, t) {
  return JSON.stringify({
    stream: 'btcusdt@trade',
    data: { e: 'trade', E: t + 1, s: 'BTCUSDT', t: id, p: price, q: qty, T: t, m: buyerIsMaker, M: true },
  });
}

function bookTicker(u, bid, bidQty, ask, askQty) {
  return JSON.stringify({
    stream: 'btcusdt@bookTicker',
    data: { u: u, s: 'BTCUSDT', b: bid, B: bidQty, a: ask, A: askQty },
  });
}

wss.on('connection', (ws) => {
  ws.once('message', (data) => {
    const text = data.toString();
    fs.writeFileSync(subscribeFile, text);
    let id = 1;
    try { id = JSON.parse(text).id; } catch (e) { /* answered anyway */ }
    const t = Date.now();
    const messages = [
      JSON.stringify({ result: null, id: id }),
      trade(1001, '61837.63000000', '0.02000000', true, t),
      bookTicker(5001, '61837.62000000', '1.50000000', '61837.63000000', '0.80000000'),
      trade(1002, '61837.64000000', '0.10000000', false, t + 5),
      trade(1003, '61837.60000000', '0.00100000', true, t + 9),
      bookTicker(5002, '61837.60000000', '2.00000000', '61837.61000000', '0.30000000'),
      '{"stream":"btcusdt@trade","data":{"e":"trade"', // garbage: cut short
      trade(1004, '61838.00000000', '0.50000000', false, t + 20),
    ];
    for (const m of messages)
      ws.send(m);
  });
});
