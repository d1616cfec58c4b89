// The local web chat page: pick an identity, then talk to the bot through Bot Framework Web Chat with a small
// Direct Line stand-in. Each outgoing activity is POSTed to /api/messages with deliveryMode "expectReplies";
// replies come back in the response body. Proactive messages (reminders, follow-ups, digests) arrive as
// server-sent events from /webchat/conversations/{id}/events, and so does the server's receipt of each post, on
// which Web Chat marks the message sent and the bot shows typing until the answer (docs/WEBCHAT.md). Plain browser
// JavaScript: no build step.
(function () {
  'use strict';

  var SESSION_KEY = 'peerreflect.webchat.session';
  // The channelData field naming a message the same way on every send of it (bot/redelivery.ts reads it).
  var SEND_ID = 'clientSendId';
  var SENDS_KEPT = 100;
  var ONLINE = 2;
  var CONNECTING = 1;
  // How long a post may go without the server's receipt (or its answer) before it is shown as failed. The server says
  // it has a post as it takes it, before any of the turn's work (and before the post waits behind an earlier turn of
  // the conversation): on this loopback connection that takes milliseconds, and 10 s leaves room for a server busy
  // with other turns, while a PSW whose post never arrived (bot stopped, connection refused or dropped, no answer)
  // learns it in 10 s, sooner than Web Chat's own 20 s.
  var RECEIPT_MS = 10000;
  // How long the bot may take to answer a post the server has; then the page stops waiting and says so. Two
  // minutes is well past a slow save on a busy server (storage retries), and a turn that long is a fault.
  var ANSWER_MS = 120000;
  // The bot's typing indicator: from 1 s after the receipt (a quick answer shows none), renewed every 3 s while the
  // answer is on its way (Web Chat shows each for typingAnimationDuration, 5 s).
  var TYPING_AFTER_MS = 1000;
  var TYPING_EVERY_MS = 3000;
  // Web Chat's own send timeout, raised to its longest (HARD_SEND_TIMEOUT in botframework-webchat-core's
  // postActivitySaga): the page settles every post itself — sent on the receipt, failed without one within
  // RECEIPT_MS — so only a message held in the page (MAX_OPEN_POSTS, below) is still "sending" after 20 s, and it is.
  var SEND_TIMEOUT_MS = 300000;
  // Posts open at once. A message typed while a slow turn runs is posted as soon as the server has the one before it,
  // and the server holds it (one turn at a time per conversation, bot/turnGate.ts) and says so at once. The browser
  // keeps 6 connections to this server, one of them the event stream: past 4 open posts a message waits in the page,
  // "Sending", until one is answered, rather than wait for a connection with its RECEIPT_MS running.
  var MAX_OPEN_POSTS = 4;

  var $ = function (id) { return document.getElementById(id); };
  // The words this script says, and the page's locale, come with the page (bot/webchatPage.ts, from the catalogue).
  var PAGE = JSON.parse($('page-words').textContent);
  var WORDS = PAGE.words;

  function showProblem(text) {
    var el = $('problem');
    el.textContent = text;
    el.hidden = !text;
  }

  function newSendId() {
    var random = window.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
    return 'send-' + random;
  }

  function initials(name) {
    return name.split(/\s+/).map(function (w) { return w[0] || ''; }).join('').slice(0, 2).toUpperCase();
  }

  async function postJson(url, body, signal) {
    var res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: signal });
    var text = await res.text();
    var data = text ? JSON.parse(text) : {};
    if (!res.ok) throw Object.assign(new Error((data && data.message) || 'HTTP ' + res.status), { status: res.status });
    return data;
  }

  // A minimal Observable (subscribe with an observer or a next function; unsubscribe), which is all Web Chat
  // asks of activity$, connectionStatus$ and postActivity's result.
  function observable(subscribe) {
    var o = {
      subscribe: function (observerOrNext, error, complete) {
        var observer = typeof observerOrNext === 'function' ? { next: observerOrNext, error: error, complete: complete } : observerOrNext || {};
        var closed = false;
        var safe = {
          next: function (v) { if (!closed && observer.next) observer.next(v); },
          error: function (e) { if (!closed) { closed = true; if (observer.error) observer.error(e); } },
          complete: function () { if (!closed) { closed = true; if (observer.complete) observer.complete(); } },
        };
        var teardown = subscribe(safe);
        return {
          get closed() { return closed; },
          unsubscribe: function () { if (!closed) { closed = true; if (teardown) teardown(); } },
        };
      },
    };
    if (typeof Symbol === 'function' && Symbol.observable) o[Symbol.observable] = function () { return o; };
    o['@@observable'] = function () { return o; };
    return o;
  }

  /** A Direct Line-compatible object for one conversation with the local bot. */
  function createLocalDirectLine(session) {
    var activityObservers = new Set();
    var statusObservers = new Set();
    var backlog = [];
    var status = CONNECTING;
    var lastStamp = 0;
    var counter = 0;
    // The order of the person's messages: each is posted once the server has the one before it (its receipt, or its
    // post settled), and its answer shown once the answer before it has been.
    var posted = Promise.resolve();
    var shown = Promise.resolve();
    var openPosts = 0;
    var waitingForSlot = [];
    var events;
    // Each message's send id (channelData.clientSendId) while its post is on its way ('sending') and once answered
    // ('sent'); a post that failed is forgotten, so a Retry of it goes out — with the same send id (sendIdStore).
    var sends = new Map();
    // The posts waiting for the server's receipt (event "received" on the event stream), by activity id.
    var receipts = new Map();

    // Web Chat orders activities by timestamp: stamp each one as it arrives, strictly increasing, so the
    // echo of what the person sent always comes before the bot's replies to it.
    function stamp() {
      lastStamp = Math.max(Date.now(), lastStamp + 1);
      return new Date(lastStamp).toISOString();
    }
    function nextId() {
      counter += 1;
      return session.conversationId + '|' + Date.now().toString(36) + '-' + counter;
    }
    function emit(activity) {
      if (activityObservers.size === 0) backlog.push(activity);
      else activityObservers.forEach(function (o) { o.next(activity); });
    }
    function fromBot(activity) {
      return Object.assign({}, activity, {
        id: activity.id || nextId(),
        timestamp: stamp(),
        from: Object.assign({}, session.bot, activity.from, { role: 'bot' }),
      });
    }
    function setStatus(s) {
      status = s;
      statusObservers.forEach(function (o) { o.next(s); });
    }
    function complete(activity) {
      return Object.assign({}, activity, {
        id: nextId(),
        channelId: session.channelId,
        serviceUrl: session.serviceUrl,
        conversation: { id: session.conversationId, conversationType: 'personal', isGroup: false },
        from: { id: session.user.id, name: session.user.name, role: 'user' },
        recipient: Object.assign({ role: 'bot' }, session.bot),
        timestamp: new Date().toISOString(),
        locale: activity.locale || PAGE.locale,
        deliveryMode: 'expectReplies',
      });
    }
    function listening() {
      return !!events && events.readyState === EventSource.OPEN;
    }

    // The bot typing while a post the server has is unanswered: from TYPING_AFTER_MS after a receipt, renewed every
    // TYPING_EVERY_MS, until the last such post is answered or given up; stop() comes after the post's answer is shown.
    // Web Chat hides the indicator when a message from the bot comes, so an answer with another post still waiting is
    // followed at once by a new typing; after the last one, a typing activity that lasts 0 ms ends it in any case.
    var typing = (function () {
      var waiting = 0;
      var shown = false;
      var timer;
      function tick() {
        shown = true;
        emit(fromBot({ type: 'typing' }));
        timer = setTimeout(tick, TYPING_EVERY_MS);
      }
      return {
        start: function () {
          waiting += 1;
          if (waiting === 1) timer = setTimeout(tick, TYPING_AFTER_MS);
        },
        stop: function () {
          waiting -= 1;
          if (waiting > 0) {
            if (shown) { clearTimeout(timer); tick(); }
            return;
          }
          clearTimeout(timer);
          if (shown) emit(fromBot({ type: 'typing', channelData: { webChat: { styleOptions: { typingAnimationDuration: 0 } } } }));
          shown = false;
        },
      };
    })();

    // A connection for one post, in the order asked for (at most MAX_OPEN_POSTS open); release() frees it.
    function slot() {
      if (openPosts < MAX_OPEN_POSTS) {
        openPosts += 1;
        return Promise.resolve();
      }
      return new Promise(function (resolve) { waitingForSlot.push(resolve); });
    }
    function release() {
      var next = waitingForSlot.shift();
      if (next) next();
      else openPosts -= 1;
    }

    // POSTs one activity and resolves with the bot's answer. onReceived runs once the server has it: on its receipt
    // (the event stream's "received", sent as the server takes the post, before it waits for earlier turns) or on the
    // answer, whichever is first. The post is given up (aborted, and rejected with received: false) when neither comes
    // within RECEIPT_MS — or, while the event stream is not open and no receipt can come, ANSWER_MS — and
    // (received: true) when no answer comes within ANSWER_MS of the receipt, or of `ahead` settling (the post before
    // it, whose turn the server runs first) if that is later. A rejection says `lost` when the connection failed (not
    // a timeout, not an HTTP error).
    function post(outgoing, onReceived, ahead) {
      var controller = new AbortController();
      var received = false;
      var settled = false;
      var timer;
      function giveUpAfter(ms) {
        clearTimeout(timer);
        timer = setTimeout(function () { controller.abort(new Error('no answer in ' + ms + ' ms')); }, ms);
      }
      function receive() {
        if (received) return;
        received = true;
        receipts.delete(outgoing.id);
        giveUpAfter(ANSWER_MS);
        if (ahead) ahead.then(function () { if (!settled) giveUpAfter(ANSWER_MS); });
        if (onReceived) onReceived();
      }
      function settle() {
        settled = true;
        clearTimeout(timer);
        receipts.delete(outgoing.id);
      }
      receipts.set(outgoing.id, receive);
      giveUpAfter(listening() ? RECEIPT_MS : ANSWER_MS);
      return postJson('/api/messages', outgoing, controller.signal).then(
        function (body) { receive(); settle(); return body; },
        function (err) { settle(); throw Object.assign(err, { received: received, lost: !controller.signal.aborted && !err.status }); },
      );
    }

    // The person's messages go in the order they acted, and each is shown (Web Chat's "echo") as soon as the server
    // has it, with the bot typing until its answer; onReceived (Web Chat's postActivity) learns it then too, so Web
    // Chat marks it sent however long the turn — or the turns before it — take. A message typed while a turn runs is
    // posted as soon as the server has the one before it: the server says at once that it has it and runs it after
    // (one turn at a time per conversation), and its answer is shown after the one before it.
    function send(activity, echo, onReceived) {
      var outgoing = complete(activity);
      var sendId = outgoing.channelData && outgoing.channelData[SEND_ID];
      var before = posted;
      var answeredBefore = shown;
      var next;
      posted = new Promise(function (resolve) { next = resolve; });
      var result = before.then(slot).then(async function () {
        var body;
        var shownCount;
        var waiting = false;
        try {
          try {
            body = await post(outgoing, function () {
              shownCount = document.querySelectorAll(ACTIVITY).length;
              if (echo) emit(Object.assign({}, outgoing, { timestamp: stamp() }));
              waiting = true;
              typing.start();
              next();
              if (onReceived) onReceived(outgoing.id);
            }, answeredBefore);
          } catch (err) {
            // Never received: shown even so (Web Chat marks it "Send failed"), with an id, so that a Retry can take its place.
            if (!err.received) {
              if (echo) emit(Object.assign({}, outgoing, { timestamp: stamp() }));
              throw err;
            }
            if (!err.lost) throw err;
            // The server had it and the answer was lost on the way back (a dropped connection): ask once more, the same
            // activity with the same send id, which the bot answers from the first run without running it again
            // (bot/redelivery.ts) — or waits for that run if it is still going.
            body = await post(outgoing, null, answeredBefore).catch(function (again) { throw Object.assign(again, { received: true }); });
          }
        } finally {
          next();
          release();
        }
        await answeredBefore;
        (body.activities || []).forEach(function (a) { emit(fromBot(a)); });
        if (waiting) typing.stop();
        if (activity.value && (body.activities || []).length) focusAfterTap(shownCount, body.activities);
        return outgoing.id;
      });
      // A post given up after its receipt stops its part of the typing, once the answers before it are shown.
      shown = result.then(function () {}, function (err) {
        return answeredBefore.then(function () { if (err && err.received) typing.stop(); });
      });
      if (sendId) {
        sends.delete(sendId);
        sends.set(sendId, 'sending');
        if (sends.size > SENDS_KEPT) sends.delete(sends.keys().next().value);
        result.then(
          function () { if (sends.has(sendId)) sends.set(sendId, 'sent'); },
          function () { sends.delete(sendId); },
        );
      }
      // An answer clears what the page said about an earlier send (failed, still answering, no answer).
      result.then(function () {
        var said = $('problem').textContent;
        if (said === WORDS.stillAnswering || said === WORDS.sendFailed || said === WORDS.noAnswer) showProblem('');
      }, function () {});
      return result;
    }

    function listen() {
      events = new EventSource('/webchat/conversations/' + encodeURIComponent(session.conversationId) + '/events');
      // A proactive message names as replyToId the continuation event it was sent from, which no page has seen;
      // Web Chat would hold it back for 5 s waiting for that activity, so the field goes.
      events.addEventListener('activity', function (e) {
        var activity = JSON.parse(e.data);
        delete activity.replyToId;
        emit(fromBot(activity));
      });
      // The server has a post of ours (bot/webchat.ts, as it takes the post).
      events.addEventListener('received', function (e) {
        var receive = receipts.get(JSON.parse(e.data).id);
        if (receive) receive();
      });
      events.onopen = function () { setStatus(ONLINE); };
    }

    var directLine = {
      activity$: observable(function (observer) {
        activityObservers.add(observer);
        backlog.splice(0).forEach(function (a) { observer.next(a); });
        return function () { activityObservers.delete(observer); };
      }),
      connectionStatus$: observable(function (observer) {
        statusObservers.add(observer);
        observer.next(status);
        return function () { statusObservers.delete(observer); };
      }),
      postActivity: function (activity) {
        // Web Chat's contract: the activity id, once the server has the activity (with the echo, which send() emits
        // just before), or an error if it never got there. A turn's answer comes later, on activity$.
        return observable(function (observer) {
          send(activity, true, function (id) { observer.next(id); observer.complete(); }).catch(function (err) {
            if (err.received) return showProblem(WORDS.noAnswer);
            showProblem(err.status === 401 ? WORDS.signInNeeded : WORDS.sendFailed);
            observer.error(err);
          });
        });
      },
      /** 'sending' or 'sent' for a message's send id this page posted; undefined when not, or when its post failed. */
      sendStatus: function (sendId) { return sends.get(sendId); },
      /** Tells the bot a person joined, as Teams does on install, so it says hello. */
      greet: function () {
        return send({ type: 'conversationUpdate', membersAdded: [{ id: session.user.id, name: session.user.name }] }, false);
      },
      end: function () {
        if (events) events.close();
        setStatus(5);
      },
    };
    listen();
    // Sending works without the event stream; only proactive messages wait for it, and they are kept for us.
    setStatus(ONLINE);
    return directLine;
  }

  // Colours meet WCAG 2.2 AA (4.5:1 for text): `subtle` (Web Chat's and the cards' secondary text) is 6.2:1 on the
  // bubble colour where Web Chat's #767676 was 4.03:1; the white initials on the user's avatar are 6.9:1.
  var STYLE = {
    accent: '#2f6f6a',
    backgroundColor: '#ffffff',
    botAvatarInitials: 'PR',
    botAvatarBackgroundColor: '#2f6f6a',
    bubbleBackground: '#f4f1ec',
    bubbleBorderColor: '#f4f1ec',
    bubbleBorderRadius: 14,
    bubbleFromUserBackground: '#e4f0ed',
    bubbleFromUserBorderColor: '#e4f0ed',
    bubbleFromUserBorderRadius: 14,
    bubbleMaxWidth: 520,
    hideUploadButton: true,
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    rootHeight: '100%',
    sendBoxTextWrap: true,
    sendTimeout: SEND_TIMEOUT_MS,
    suggestedActionLayout: 'flow',
    subtle: '#4f5b62',
    userAvatarBackgroundColor: '#4a5a78',
  };

  // Teams shows a single line break in a message as a break; plain Markdown joins the lines. Make each single
  // break a hard one so messages (lists of `• item` lines) read the same here as in Teams.
  function renderMarkdown(markdown) {
    var rest = Array.prototype.slice.call(arguments, 1);
    var text = typeof markdown === 'string' ? markdown.replace(/([^\n])\n(?!\n)/g, '$1  \n') : markdown;
    return window.WebChat.renderMarkdown.apply(null, [text].concat(rest));
  }


  var ACTIVITY = '#webchat .webchat__basic-transcript__activity';
  var SENDBOX = '#webchat [data-id="webchat-sendbox-input"]';

  // After a card button is pressed the replies replace what it answered; focus would stay on the old card, and
  // Web Chat keeps Tab inside a message once entered. Once Web Chat has drawn the replies, move focus to the first
  // control of the newest card when the newest reply has one (the next question), else to the text box. Drawing can
  // take seconds on a slow phone, so watch the transcript rather than poll for a fixed while; if the person moves
  // focus meanwhile, leave it be.
  function focusAfterTap(shownBefore, replies) {
    var from = document.activeElement;
    var last = replies[replies.length - 1] || {};
    var wantsCard = (last.attachments || []).some(function (a) { return /adaptive/i.test(a.contentType || ''); });
    var observer = new MutationObserver(attempt);
    var deadline = setTimeout(stop, 15000);
    function stop() { observer.disconnect(); clearTimeout(deadline); }
    function attempt() {
      if (document.activeElement !== from && document.activeElement !== document.body) return stop();
      var activities = document.querySelectorAll(ACTIVITY);
      if (activities.length <= shownBefore) return;
      var newest = activities[activities.length - 1];
      var control = newest.querySelector('.ac-adaptiveCard :is(input, textarea, select, button.ac-pushButton):not([disabled])');
      if (!control && wantsCard) return; // the card is still being drawn
      var target = control || document.querySelector(SENDBOX);
      if (target) target.focus();
      stop();
    }
    observer.observe(document.querySelector('#webchat') || document.body, { childList: true, subtree: true });
    attempt();
  }

  // Adaptive Cards can't say two things a screen reader needs; the page adds them as cards are drawn.
  // 1. A required input left empty: the renderer shows its error as a bare text block after the input (no
  //    ac-input-validation class, no live region) and tries to focus the input, which for a set of radios is a
  //    plain div. So mark the input's controls aria-invalid, describe them by the error, announce the error, and
  //    move focus from the pressed button to the first control; undo the marks when the error goes.
  // 2. A card's buttons named as a group: cards/card.ts puts their label in a text block with id ACTIONS_LABEL_ID.
  var ACTIONS_LABEL_ID = 'actions-label';
  var CONTROLS = 'input, select, textarea';
  var errors = new Map();
  var uid = 0;

  function announce(text) {
    var region = $('announce');
    region.textContent = '';
    // A change after a pause, so the same words said twice (a second bad submit) are read twice.
    setTimeout(function () { region.textContent = text; }, 50);
  }

  function describedBy(control, id, on) {
    var ids = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (x) { return x && x !== id; });
    if (on) ids.push(id);
    if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
    else control.removeAttribute('aria-describedby');
  }

  function markInvalid(error) {
    var container = error.previousElementSibling;
    var controls = Array.prototype.slice.call(container.querySelectorAll(CONTROLS));
    if (!controls.length) return;
    if (!error.id) error.id = 'card-error-' + (++uid);
    error.classList.add('card-error');
    controls.forEach(function (c) { c.setAttribute('aria-invalid', 'true'); describedBy(c, error.id, true); });
    errors.set(error, controls);
    announce(error.textContent.trim());
    var card = error.closest('.ac-adaptiveCard');
    var active = document.activeElement;
    if (card && active && card.contains(active) && active.classList.contains('ac-pushButton')) controls[0].focus();
  }

  function clearInvalid(error) {
    var controls = errors.get(error);
    errors.delete(error);
    controls.forEach(function (c) { c.removeAttribute('aria-invalid'); describedBy(c, error.id, false); });
  }

  function labelButtonGroup(card) {
    var label = card.querySelector('[id="' + ACTIONS_LABEL_ID + '"]');
    var sets = card.querySelectorAll('.ac-actionSet');
    if (!label || !sets.length) return;
    // Old cards stay in the transcript: give each label its own id so no two are the same.
    label.id = 'actions-label-' + (++uid);
    var group = sets[sets.length - 1];
    group.setAttribute('role', 'group');
    group.setAttribute('aria-labelledby', label.id);
  }

  function watchCards(root) {
    new MutationObserver(function (mutations) {
      mutations.forEach(function (m) {
        m.addedNodes.forEach(function (node) {
          if (node.nodeType !== 1) return;
          if (node.classList.contains('ac-textBlock') && node.previousElementSibling && node.previousElementSibling.classList.contains('ac-input-container')) markInvalid(node);
          var cards = node.classList.contains('ac-adaptiveCard') ? [node] : node.querySelectorAll('.ac-adaptiveCard');
          Array.prototype.forEach.call(cards, labelButtonGroup);
        });
        m.removedNodes.forEach(function (node) { if (errors.has(node)) clearInvalid(node); });
      });
    }).observe(root, { childList: true, subtree: true });
  }

  // Web Chat's Retry posts a message anew (a new activity id and a new clientActivityID), so without more the bot
  // would run the turn twice. Every message Web Chat posts gets a send id of ours in channelData, which Web Chat keeps
  // on a Retry (it copies channelData). Retry is offered only for a post the server never said it had (refused, or
  // no receipt within RECEIPT_MS); the Retry takes the failed message's place and goes out with the same send id, and
  // the bot (bot/redelivery.ts) takes the message once: if the first post did reach it after all, the Retry waits for
  // that run or gets its answer again. A Retry of a message still on its way or already answered (only in a race, or
  // for a message held in the page, MAX_OPEN_POSTS, past Web Chat's send timeout) is not posted: the page says the
  // answer is coming.
  function sendIdStore(directLine) {
    return window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          var activity = action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.payload && action.payload.activity;
          if (!activity) return next(action);
          var sendId = activity.channelData && activity.channelData[SEND_ID];
          if (!sendId) {
            var channelData = Object.assign({}, activity.channelData);
            channelData[SEND_ID] = newSendId();
            return next(Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: Object.assign({}, activity, { channelData: channelData }) }) }));
          }
          var status = directLine.sendStatus(sendId);
          if (status === 'sending') return showProblem(WORDS.stillAnswering);
          if (status === 'sent') return undefined;
          // The failed message gives its place to the retry, rather than stay above it saying "Send failed".
          if (activity.id) api.dispatch({ type: 'DIRECT_LINE/DELETE_ACTIVITY', payload: { activityID: activity.id } });
          return next(action);
        };
      };
    });
  }

  function startChat(session) {
    $('picker').hidden = true;
    $('chat').hidden = false;
    $('who').hidden = false;
    $('who-name').textContent = session.user.name;
    // A reload starts with an empty window; say so, or a debrief in progress looks lost.
    $('resumed').hidden = !session.resumed;
    var directLine = createLocalDirectLine(session);
    watchCards($('webchat'));
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: sendIdStore(directLine),
        userID: session.user.id,
        username: session.user.name,
        locale: PAGE.locale,
        // Web Chat's own words on the send box, from the catalogue too.
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: WORDS.placeholder, TEXT_INPUT_SEND_BUTTON_ALT: WORDS.send, TEXT_INPUT_ALT: WORDS.inputLabel },
        styleOptions: Object.assign({}, STYLE, { userAvatarInitials: initials(session.user.name) }),
        renderMarkdown: renderMarkdown,
        // A region inside the page's <main> (Web Chat's default, complementary, would be a landmark of its own).
        role: 'region',
      },
      $('webchat'),
    );
    if (!session.resumed) directLine.greet().catch(function () { showProblem(WORDS.noAnswer); });
    var input = document.querySelector('#webchat [data-id="webchat-sendbox-input"], #webchat input[type="text"], #webchat textarea');
    if (input) input.focus();
  }

  async function choose(identity, conversationId) {
    showProblem('');
    try {
      var session = await postJson('/webchat/sessions', { identityId: identity.id, conversationId: conversationId });
      sessionStorage.setItem(SESSION_KEY, JSON.stringify({ identityId: identity.id, conversationId: session.conversationId }));
      startChat(session);
    } catch (err) {
      showProblem(err.message || WORDS.startFailed);
    }
  }

  function renderPicker(identities) {
    var list = $('identities');
    list.textContent = '';
    identities.forEach(function (identity) {
      var li = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'identity';
      button.dataset.identity = identity.id;
      var avatar = document.createElement('span');
      avatar.className = 'avatar';
      avatar.textContent = initials(identity.name);
      var words = document.createElement('span');
      var name = document.createElement('span');
      name.className = 'name';
      name.textContent = identity.name;
      var what = document.createElement('span');
      what.className = 'what';
      what.textContent = identity.description;
      words.append(name, what);
      button.append(avatar, words);
      button.addEventListener('click', function () { choose(identity); });
      li.append(button);
      list.append(li);
    });
  }

  async function main() {
    $('change').addEventListener('click', function () {
      sessionStorage.removeItem(SESSION_KEY);
      location.reload();
    });
    if (!window.WebChat) {
      showProblem(WORDS.windowFailed);
      return;
    }
    var identities;
    try {
      identities = (await (await fetch('/webchat/identities')).json()).identities;
    } catch (err) {
      showProblem(WORDS.notAnswering);
      return;
    }
    renderPicker(identities);
    // A reload keeps the same person and conversation (the dialog picks up where it was).
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null'); } catch (e) { saved = null; }
    var again = saved && identities.find(function (i) { return i.id === saved.identityId; });
    if (again) await choose(again, saved.conversationId);
  }

  main();
})();
