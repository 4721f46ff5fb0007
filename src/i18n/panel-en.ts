/** What the shopper's panel says in English: a chunk of its own, fetched for English pages only. */
import type { PanelText } from './panel.js';
import { minutes, plural } from './format.js';
import { systemLine } from './system-lines.js';

const en: PanelText = {
  devices: {
    button: 'Devices',
    title: 'Camera, microphone and speaker',
    videoinput: 'Camera',
    audioinput: 'Microphone',
    audiooutput: 'Speaker',
  },
  check: {
    open: 'Test your camera and microphone',
    title: 'Test your camera and microphone',
    done: 'Done testing',
    level: 'Microphone level',
    levelHint: 'Say something: the bar moves when your microphone hears you.',
    showCamera: 'Show my camera',
    hideCamera: 'Hide my camera',
    preview: 'Your camera, seen by you only',
    previewNote:
      'Only you see this. The expert sees your camera only if you turn it on during the call.',
    testSound: 'Play a test sound',
    kept: 'Your choices are kept for the call.',
  },
  tapToHear: (name) => `Tap to hear ${name}`,
  allBusy: 'All our experts are in a conversation right now: expect a short wait.',
  noneFree:
    'No expert is free for this right now: you can wait your turn, and we offer to get back to you if it takes long.',
  writeSooner: 'An expert can answer in writing now.',
  title: 'Talk to an expert',
  close: 'Close',
  intro: 'A real person from our team answers you by video or voice, free of charge.',
  cameraOffPromise:
    'Your camera stays off: you see the expert, they only see you if you turn your camera on.',
  expertWillSee: 'The expert will see:',
  thisPage: 'the page you are on',
  yourAccount: 'your name, from your account on this shop',
  videoCall: 'Video call',
  videoCallHint: 'See the expert; your camera stays off',
  voiceCall: 'Voice only',
  voiceCallHint: 'Talk without video',
  requesting: 'Finding an expert…',
  queued: (n) => (n <= 1 ? 'You are next in line.' : `You are number ${n} in line.`),
  queuedHint: 'Stay on this page: we put you through as soon as an expert is free.',
  eta: (s) =>
    s === undefined
      ? 'No expert is free for this right now; you keep your place.'
      : s < 60
        ? 'Expected wait: under a minute.'
        : `Expected wait: about ${minutes('en', Math.round(s / 60))}.`,
  waitInChat: 'Write instead',
  waitInChatHint: 'An expert can often answer in writing sooner. You keep your place.',
  waitingInChat: 'You will talk in writing: the expert answers here.',
  connecting: 'Putting you through to an expert…',
  leaveQueue: 'Leave the queue',
  cancel: 'Cancel',
  inCallWith: (name) => `You are talking with ${name}`,
  expertCameraOff: 'The expert’s camera is off',
  you: 'You',
  microphoneOn: 'Mute',
  microphoneOff: 'Unmute',
  cameraOn: 'Stop video',
  cameraOff: 'Start video',
  screen: {
    share: 'Share screen',
    stop: 'Stop sharing',
    sharing: 'You are sharing your screen',
    failed: 'Your screen could not be shared. Try again, or choose another window.',
  },
  blur: {
    button: 'Blur background',
    starting: 'Preparing the blur…',
    failed: 'Background blur does not work on this device. Your camera stays as it is.',
  },
  handoff: {
    button: 'On my phone',
    title: 'Continue on your phone',
    how: 'Scan this code with your phone’s camera, or open this link on it. It works once, within 5 minutes, and the conversation then goes on there.',
    asking: 'Getting a code…',
    failed: 'No code could be made. Check your connection and try again.',
    expired: 'This code has expired.',
    again: 'New code',
    close: 'Close',
    qr: 'QR code to continue on your phone',
  },
  switchCamera: 'Switch camera',
  expertMarked: (name) => `${name} marked a spot on your picture`,
  hangUp: 'Hang up',
  endTitle: {
    call: 'Call ended',
    chat: 'Conversation ended',
    queue: 'You are no longer waiting',
    attempt: 'We could not put you through',
  },
  endReason: (reason, what) => {
    const noun = what === 'call' ? 'call' : 'conversation';
    switch (reason) {
      case 'shopper-hung-up':
        return what === 'call'
          ? 'You hung up. Thank you for calling.'
          : 'You ended the conversation. Thank you for writing to us.';
      case 'expert-hung-up':
        return `The expert ended the ${noun}. Thank you for ${what === 'call' ? 'calling' : 'writing to us'}.`;
      case 'shopper-left':
        return `You left the ${noun}.`;
      case 'expert-left':
        return `The expert was disconnected. Please ${what === 'call' ? 'call' : 'write'} again.`;
      case 'shopper-cancelled':
        return 'You left the queue. Nobody will call you.';
      case 'hub-unreachable':
        return 'We could not reach our experts. Check your connection and try again.';
      case 'hub-failed':
        return 'Our service ran into a problem and could not put you through. Please try again in a moment.';
      case 'refused':
        return 'Our service refused this request: the conversation has ended or cannot go on. You can start a new one.';
      case 'invalid-request':
        return 'Our service could not accept the request from this page. Please try again later, or contact the shop.';
      case 'unauthorized':
        return 'Our service refused this request. Please contact the shop.';
      case 'media-unavailable':
        return 'Video calls are not available right now. Please try again in a moment.';
      case 'timeout':
        return 'Our experts did not answer in time. Please try again.';
      case 'moved':
        return `Your ${noun} goes on on your other device.`;
      case 'link-expired':
        return 'This link has expired or was already used. Ask for a new one on your other device, or start a new conversation.';
    }
  },
  again: { call: 'Call again', chat: 'Write again', queue: 'Start again', attempt: 'Try again' },
  transcript: 'Your conversation',
  downloadTranscript: 'Download as text',
  transcriptFile: 'conversation',
  rating: {
    title: (name) => `How was your conversation with ${name}?`,
    stars: (n) => plural('en', n, { one: '# star out of 5', other: '# stars out of 5' }),
    low: 'Poor',
    high: 'Excellent',
    comment: 'Anything to add? (optional)',
    send: 'Send my rating',
    sending: 'Sending…',
    thanks: 'Thank you: your rating has been passed on.',
    failed: 'Your rating could not be sent. You can try again.',
  },
  callControls: 'Call controls',
  chatSheet: 'Messages',
  unread: (n) => plural('en', n, { one: '# unread message', other: '# unread messages' }),
  closedNow: 'Our experts are not available right now.',
  chatWith: (name) => `Chat with ${name}`,
  deviceProblemShort: (device) => `Your ${device} is not working.`,
  reconnecting: 'Connection lost. Reconnecting… your conversation is kept.',
  chatOnly: {
    chosen: 'Write your question below: the expert answers here.',
    'media-lost':
      'The video connection was lost, so we switched to chat: your expert is still here and sees everything written below.',
    'media-unavailable':
      'Video is not available right now, so your expert answers you here in writing.',
  },
  chatCall: 'Write',
  chatCallHint: 'Chat with the expert in writing',
  noWebrtc: 'This browser cannot make video calls, but an expert can answer you in writing.',
  framedNoCalls:
    'Calls cannot start from this page, but an expert can answer you in writing, and you can carry on with video on your phone.',
  endConversation: 'End conversation',
  switchToChat: 'Switch to chat',
  backToCall: 'Back to video',
  weakConnection: {
    voice: 'Your connection is weak. Voice only would carry better: switch to voice only?',
    chat: 'Your connection is still weak. Carry on in chat? The expert stays with you.',
    takeVoice: 'Voice only',
    takeChat: 'Switch to chat',
    dismiss: 'Not now',
  },
  chat: {
    log: 'Messages',
    you: 'You',
    placeholder: 'Write a message',
    send: 'Send',
    sending: 'sending…',
    sent: 'sent',
    failed: 'not sent',
    retry: 'Retry',
    typing: (name) => `${name} is typing…`,
    tooLong: (over) =>
      `Your message is ${plural('en', over, { one: '# character', other: '# characters' })} too long. Shorten it to send it.`,
    system: systemLine.en,
    closed: 'The conversation has ended.',
    photo: 'Photo',
    product: {
      open: 'See the product',
      addToCart: 'Add to cart',
      reserve: 'Reserve in store',
      added: 'Added to your cart',
      reserved: 'Reservation asked',
      inStock: (store) => `In stock at ${store}`,
      outOfStock: (store) => `Out of stock at ${store}`,
    },
  },
  photos: {
    add: 'Send a photo',
    sending: 'Sending your photo…',
    refused: {
      'not-a-photo': 'This file is not a photo. Choose a picture.',
      'too-large': 'This photo is too large to send. Choose a smaller one.',
      'too-many': 'This conversation has all the photos it can take.',
      'not-open': 'Photos can be sent once the expert has joined.',
      failed: 'Your photo could not be sent. Check your connection and try again.',
    },
  },
  deviceStarting: (device) =>
    `Starting your ${device}… If your browser asks, choose “Allow” so the expert can ${device === 'camera' ? 'see' : 'hear'} you.`,
  device: { camera: 'camera', microphone: 'microphone' },
  deviceProblem: (device, problem, browser = 'chromium') => {
    const name = device === 'camera' ? 'camera' : 'microphone';
    switch (problem) {
      case 'permission-denied': {
        const how = {
          chromium: `select the icon at the left of the address bar and allow the ${name}`,
          firefox: `select the crossed-out icon in the address bar and allow the ${name}`,
          safari: `open Safari › Settings for this website and allow the ${name}`,
          ios: `tap “aA” in the address bar, then Website Settings, and allow the ${name}`,
        }[browser];
        return `Your ${name} is blocked. To use it, ${how}, then try again. You can still see and hear the expert.`;
      }
      case 'blocked-by-site':
        return `This page does not let video help use your ${name}, so nothing in your browser’s settings will change that. You still see and hear the expert, and can write to them.`;
      case 'no-device':
        return `No ${name} was found on this device. You can still see and hear the expert.`;
      case 'device-busy':
        return `Your ${name} is used by another app. Close that app, then try again.`;
      case 'unsupported':
        return `This browser cannot use your ${name}. You can still see and hear the expert.`;
      case 'failed':
        return `Your ${name} could not be started. You can still see and hear the expert.`;
    }
  },
};

export const text: PanelText = en;
