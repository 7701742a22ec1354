// The portal's chat: Microsoft's Web Chat, talking Direct Line to this site with a token the
// server mints for whoever is using the page. Progressive enhancement: without this script
// "Ask a question" is a plain link to /chat.
(function () {
  'use strict';

  var STORAGE_KEY = 'selfservice.chat';
  var JOIN_EVENT = 'webchat/join';
  var EXPIRED_TOKEN = 3; // DirectLineJS ConnectionStatus.ExpiredToken
  var FAILED_TO_CONNECT = 4;

  var script = document.currentScript;
  // Browsers hide the nonce attribute from the DOM; the property keeps it for scripts we add.
  var nonce = script && (script.nonce || script.getAttribute('nonce'));
  var webChatLoading = null;

  function loadWebChat(src) {
    if (window.WebChat) {
      return Promise.resolve(window.WebChat);
    }
    if (!webChatLoading) {
      webChatLoading = new Promise(function (resolve, reject) {
        var tag = document.createElement('script');
        tag.src = src;
        tag.nonce = nonce;
        tag.addEventListener('load', function () { resolve(window.WebChat); });
        tag.addEventListener('error', function () { webChatLoading = null; reject(new Error('Web Chat did not load')); });
        document.head.appendChild(tag);
      });
    }
    return webChatLoading;
  }

  function saved() {
    try {
      return JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || 'null');
    } catch (e) {
      return null;
    }
  }

  function save(token) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ conversationId: token.conversationId, userId: token.userId }));
    } catch (e) {
      // Private browsing may refuse storage; the chat still works, it just starts afresh next page.
    }
  }

  // The server decides who the token is for (the session), and refuses to resume a conversation
  // that belongs to someone else, so a stale id after signing out simply starts a new one.
  function mintToken(client) {
    var previous = saved();
    return fetch(client.getAttribute('data-chat-token-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'RequestVerificationToken': client.getAttribute('data-chat-antiforgery')
      },
      body: JSON.stringify({ conversationId: previous ? previous.conversationId : null })
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('The chat is not available (' + response.status + ')');
      }
      return response.json();
    });
  }

  function styleOptions() {
    // GOV.UK Frontend sets its typeface on its classes, not on <body>.
    var sample = document.querySelector('.govuk-body, .govuk-heading-l, .govuk-heading-s');
    var font = sample ? window.getComputedStyle(sample).fontFamily : 'arial, sans-serif';
    return {
      primaryFont: font,
      accent: '#1d70b8',
      backgroundColor: '#ffffff',
      subtle: '#505a5f',
      timestampColor: '#505a5f',
      bubbleBackground: '#f3f2f1',
      bubbleBorderColor: '#b1b4b6',
      bubbleBorderRadius: 0,
      bubbleBorderWidth: 1,
      bubbleTextColor: '#0b0c0c',
      bubbleFromUserBackground: '#1d70b8',
      bubbleFromUserBorderColor: '#1d70b8',
      bubbleFromUserBorderRadius: 0,
      bubbleFromUserTextColor: '#ffffff',
      sendBoxBackground: '#ffffff',
      sendBoxTextColor: '#0b0c0c',
      sendBoxPlaceholderColor: '#505a5f',
      sendBoxBorderTop: 'solid 2px #0b0c0c',
      sendBoxButtonColor: '#0b0c0c',
      sendBoxButtonColorOnFocus: '#0b0c0c',
      sendBoxButtonColorOnHover: '#0b0c0c',
      suggestedActionBackgroundColor: '#ffffff',
      suggestedActionBorderColor: '#00703c',
      suggestedActionBorderRadius: 0,
      suggestedActionTextColor: '#00703c',
      transcriptVisualKeyboardIndicatorColor: '#ffdd00',
      transcriptVisualKeyboardIndicatorWidth: 3,
      transcriptActivityVisualKeyboardIndicatorColor: '#0b0c0c',
      transcriptActivityVisualKeyboardIndicatorWidth: 3,
      hideUploadButton: true,
      botAvatarInitials: undefined,
      userAvatarInitials: undefined
    };
  }

  // Card colours from the GOV.UK palette, each at least 4.5:1 on the card's background (Web
  // Chat's own "attention" red is not, on the grey of a bot's message).
  function adaptiveCardsHostConfig(font) {
    function colours() {
      return {
        default: { default: '#0b0c0c', subtle: '#505a5f' },
        dark: { default: '#0b0c0c', subtle: '#505a5f' },
        light: { default: '#505a5f', subtle: '#505a5f' },
        accent: { default: '#1d70b8', subtle: '#1d70b8' },
        good: { default: '#00703c', subtle: '#00703c' },
        warning: { default: '#594d00', subtle: '#594d00' },
        attention: { default: '#aa2a16', subtle: '#aa2a16' }
      };
    }
    return {
      fontFamily: font,
      supportsInteractivity: true,
      // Card headings sit under the page's own h1 and h2.
      textBlock: { headingLevel: 3 },
      containerStyles: {
        default: { backgroundColor: '#ffffff', foregroundColors: colours() },
        emphasis: { backgroundColor: '#f3f2f1', foregroundColors: colours() }
      }
    };
  }

  function setStatus(client, text) {
    var status = client.querySelector('[data-chat-status]');
    if (status) {
      status.textContent = text;
    }
  }

  function Chat(client) {
    this.client = client;
    this.directLine = null;
    this.started = null;
  }

  Chat.prototype.start = function () {
    var chat = this;
    if (!chat.started) {
      setStatus(chat.client, 'Starting the chat\u2026');
      chat.started = Promise.all([loadWebChat(chat.client.getAttribute('data-chat-webchat-src')), mintToken(chat.client)])
        .then(function (results) {
          chat.render(results[0], results[1]);
          setStatus(chat.client, '');
        })
        .catch(function () {
          chat.started = null;
          setStatus(chat.client, 'Sorry, the chat is not available at the moment. Try again later, or reload the page.');
        });
    }
    return chat.started;
  };

  Chat.prototype.render = function (WebChat, token) {
    var chat = this;
    var previous = saved();
    if (!previous || previous.userId !== token.userId) {
      // Someone else's (or nobody's) chat was open in this tab: forget it.
      try { window.sessionStorage.removeItem(STORAGE_KEY); } catch (e) { /* see save() */ }
    }
    save(token);

    if (chat.directLine) {
      chat.directLine.end();
    }

    var connection = { token: token.token, domain: window.location.origin + '/v3/directline', webSocket: true };
    if (token.resumed) {
      connection.conversationId = token.conversationId;
    }
    var directLine = WebChat.createDirectLine(connection);
    var options = { style: styleOptions() };
    chat.directLine = directLine;

    directLine.connectionStatus$.subscribe(function (status) {
      // An expired token (a laptop asleep past its lifetime): get a fresh one for the same conversation.
      if ((status === EXPIRED_TOKEN || status === FAILED_TO_CONNECT) && chat.directLine === directLine) {
        mintToken(chat.client).then(function (fresh) { chat.render(WebChat, fresh); });
      }
    });

    // Tell the bot the page is connected, so it knows this conversation is the one to send case updates to.
    var store = WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: JOIN_EVENT, value: { signedIn: token.signedIn } } });
          }
          return next(action);
        };
      };
    });

    // Web Chat cannot be re-pointed at another connection: mount it afresh.
    var old = chat.client.querySelector('[data-chat-mount]');
    if (old) {
      old.parentNode.removeChild(old);
    }
    var mount = document.createElement('div');
    mount.className = 'app-chat__mount';
    mount.setAttribute('data-chat-mount', '');
    chat.client.appendChild(mount);

    WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      userID: token.userId,
      locale: 'en-GB',
      nonce: nonce,
      styleOptions: options.style,
      adaptiveCardsHostConfig: adaptiveCardsHostConfig(options.style.primaryFont)
    }, mount);
  };

  Chat.prototype.focusSendBox = function () {
    var client = this.client;
    var tries = 0;
    (function attempt() {
      var box = client.querySelector('[data-id="webchat-sendbox-input"]');
      if (box) {
        box.focus();
      } else if (tries++ < 50) {
        window.setTimeout(attempt, 100);
      }
    })();
  };

  function initPanel(launcher, panel) {
    var client = panel.querySelector('[data-chat-client]');
    var chat = new Chat(client);
    var close = panel.querySelector('[data-chat-close]');

    // With the panel available the link acts as a button that shows and hides it.
    launcher.setAttribute('role', 'button');
    launcher.setAttribute('aria-controls', panel.id);
    launcher.setAttribute('aria-expanded', 'false');

    function open() {
      panel.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      panel.querySelector('#chat-panel-title').focus();
      chat.start().then(function () { chat.focusSendBox(); });
    }

    function hide() {
      panel.hidden = true;
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    }

    launcher.addEventListener('click', function (event) {
      event.preventDefault();
      if (panel.hidden) {
        open();
      } else {
        hide();
      }
    });
    // A link does not respond to Space; a button does.
    launcher.addEventListener('keydown', function (event) {
      if (event.key === ' ') {
        event.preventDefault();
        launcher.click();
      }
    });
    close.addEventListener('click', hide);
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !panel.hidden) {
        hide();
      }
    });
  }

  function init() {
    var launcher = document.querySelector('[data-chat-launcher]');
    var panel = document.querySelector('[data-chat-panel]');
    if (launcher && panel) {
      initPanel(launcher, panel);
    }

    var clients = document.querySelectorAll('[data-chat-client][data-chat-autostart="true"]');
    for (var i = 0; i < clients.length; i++) {
      new Chat(clients[i]).start();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
