/*
 * b+s Connects CIL bridge host — the ServiceNow UI Page side of the wallboard's CIL bridge
 * (wallboard repo: ../shared/protocols/NOTES.md §2, "our contract"; the vendor API:
 * cil-bs-connects-integration-api.txt).
 *
 * The UI Page loads the b+s Connects Integration Library (`window.ConnectsIntegrationLibrary`)
 * and hosts the wallboard's agent desk (`/agent`) in an iframe. This script relays:
 *   CIL event → wallboard:  {"channel":"cil-bridge","v":1,"kind":"event","name":"<event>","data":{…}}
 *   wallboard → CIL:        {"channel":"cil-bridge","v":1,"kind":"request","id":"<uuid>","method":"<request>","args":[…]}
 *   CIL answer → wallboard: {"channel":"cil-bridge","v":1,"kind":"response","id":"<uuid>","ok":true,"result":…}
 *                           or {…,"ok":false,"error":"<message>"}
 * A request is accepted only from the wallboard's origin AND from the wallboard iframe's own
 * window, only for the documented CIL request names, with an array of arguments; everything
 * else is refused (counted, reported to `onRefused`) and never reaches CIL. Messages go only
 * to the wallboard iframe, with its origin as target origin.
 *
 * Plain ES2019, no modules, no dependencies: paste it into a UI Script or the UI Page's
 * client script. Usage:
 *   var host = CilBridgeHost.start({
 *     cil: window.ConnectsIntegrationLibrary,
 *     frame: document.getElementById('wallboard'),   // the <iframe> showing https://…/agent
 *     wallboardOrigin: 'https://wallboard.example.com',
 *     onRefused: function (reason) { console.warn(reason); }   // optional
 *   });
 *   host.refused   // number of refused messages
 *   host.stop()
 */
(function (root) {
  'use strict';

  var CHANNEL = 'cil-bridge';
  var VERSION = 1;
  /** Documented CIL events (document "Events") and their registration methods. */
  var EVENTS = [
    'workitemCreate', 'workitemConnect', 'workitemPause', 'workitemResume', 'workitemWrapup', 'workitemEnd',
    'callVariableChanged', 'wrapupDataChanged', 'agentStateChange', 'queueDataUpdate', 'error'
  ];
  /** Documented CIL requests (document "Requests"): the only methods the wallboard may call. */
  var METHODS = [
    'setAgentState', 'directTransfer', 'singleStepConference', 'dialOrConsult', 'getReasonCodeList', 'getChannel',
    'sendDtmf', 'isSendDtmfEnabled', 'updateWorkitemData', 'isUpdateWorkitemDataEnabled', 'setWrapupReason'
  ];

  /** A structured-clone-safe copy of CIL data (functions and cycles dropped). */
  function plain(value) {
    if (value === undefined) return undefined;
    try {
      return JSON.parse(JSON.stringify(value));
    } catch {
      return undefined;
    }
  }

  function isOrigin(s) {
    try {
      var u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s;
    } catch {
      return false;
    }
  }

  function start(options) {
    var cil = options && options.cil;
    var frame = options && options.frame;
    var origin = options && options.wallboardOrigin;
    if (!cil || typeof cil.initIntegration !== 'function') throw new Error('CilBridgeHost: options.cil must be window.ConnectsIntegrationLibrary');
    if (!frame || !('contentWindow' in frame)) throw new Error('CilBridgeHost: options.frame must be the wallboard <iframe>');
    if (!isOrigin(origin)) throw new Error('CilBridgeHost: options.wallboardOrigin must be an origin such as https://wallboard.example.com');
    var onRefused = typeof options.onRefused === 'function' ? options.onRefused : function () {};
    var stopped = false;
    var host = { refused: 0, stop: stop };

    function post(message) {
      var target = frame.contentWindow;
      if (!target || stopped) return;
      // Target origin: the wallboard's, so nothing is delivered if the frame navigated elsewhere.
      target.postMessage(message, origin);
    }

    function refuse(reason) {
      host.refused += 1;
      try {
        onRefused(reason, host.refused);
      } catch {
        /* the page's callback must not break the bridge */
      }
    }

    function onMessage(ev) {
      if (stopped) return;
      if (ev.origin !== origin) return refuse('message from origin ' + ev.origin + ' refused');
      if (ev.source !== frame.contentWindow || !ev.source) return refuse('message from another window of ' + origin + ' refused');
      var m = ev.data;
      if (!m || typeof m !== 'object' || m.channel !== CHANNEL || m.v !== VERSION || m.kind !== 'request') return refuse('not a cil-bridge v1 request');
      if (typeof m.id !== 'string' || m.id === '' || m.id.length > 100) return refuse('request without a valid id');
      if (METHODS.indexOf(m.method) < 0 || typeof cil[m.method] !== 'function') {
        post({ channel: CHANNEL, v: VERSION, kind: 'response', id: m.id, ok: false, error: 'unknown CIL request ' + String(m.method).slice(0, 60) });
        return refuse('unknown CIL request ' + String(m.method).slice(0, 60));
      }
      if (!Array.isArray(m.args) || m.args.length > 8) return refuse('request arguments must be an array');
      var id = m.id;
      var result;
      try {
        result = Promise.resolve(cil[m.method].apply(cil, m.args));
      } catch (e) {
        result = Promise.reject(e);
      }
      result.then(
        function (value) {
          post({ channel: CHANNEL, v: VERSION, kind: 'response', id: id, ok: true, result: plain(value) });
        },
        function (e) {
          var message = e && typeof e.message === 'string' ? e.message : String(e);
          post({ channel: CHANNEL, v: VERSION, kind: 'response', id: id, ok: false, error: message });
        }
      );
    }

    function stop() {
      stopped = true;
      root.removeEventListener('message', onMessage);
    }

    root.addEventListener('message', onMessage);
    cil.initIntegration(function () {
      EVENTS.forEach(function (name) {
        var register = cil['on' + name.charAt(0).toUpperCase() + name.slice(1)];
        if (typeof register !== 'function') return;
        register.call(cil, function (data) {
          post({ channel: CHANNEL, v: VERSION, kind: 'event', name: name, data: plain(data) });
        });
      });
    });
    return host;
  }

  root.CilBridgeHost = { start: start, CHANNEL: CHANNEL, VERSION: VERSION, EVENTS: EVENTS, METHODS: METHODS };
})(window);
