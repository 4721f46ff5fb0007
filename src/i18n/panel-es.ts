/** What the shopper's panel says in Spanish: a chunk of its own, fetched for Spanish pages only. */
import type { PanelText } from './panel.js';
import { minutes, plural } from './format.js';
import { systemLine } from './system-lines.js';

const es: PanelText = {
  devices: {
    button: 'Dispositivos',
    title: 'Cámara, micrófono y altavoz',
    videoinput: 'Cámara',
    audioinput: 'Micrófono',
    audiooutput: 'Altavoz',
  },
  check: {
    open: 'Probar mi cámara y mi micrófono',
    title: 'Probar mi cámara y mi micrófono',
    done: 'Terminar la prueba',
    level: 'Nivel del micrófono',
    levelHint: 'Diga algo: la barra se mueve cuando su micrófono le oye.',
    showCamera: 'Ver mi cámara',
    hideCamera: 'Ocultar mi cámara',
    preview: 'Su cámara, solo la ve usted',
    previewNote:
      'Solo usted ve esta imagen. El experto solo ve su cámara si la enciende durante la llamada.',
    testSound: 'Reproducir un sonido de prueba',
    kept: 'Sus elecciones se guardan para la llamada.',
  },
  tapToHear: (name) => `Toque para oír a ${name}`,
  allBusy: 'Todos nuestros expertos están atendiendo ahora: cuente con una breve espera.',
  noneFree:
    'Ahora no hay ningún experto libre para esto: puede esperar su turno y, si tarda, le ofrecemos que le llamemos.',
  writeSooner: 'Un experto puede responderle por escrito ahora mismo.',
  title: 'Hablar con un experto',
  close: 'Cerrar',
  intro: 'Una persona real de nuestro equipo le atiende por vídeo o por voz, gratis.',
  cameraOffPromise:
    'Su cámara sigue apagada: usted ve al experto, y él solo le ve si enciende su cámara.',
  expertWillSee: 'El experto verá:',
  thisPage: 'la página en la que está',
  yourAccount: 'su nombre, según su cuenta en esta tienda',
  videoCall: 'Videollamada',
  videoCallHint: 'Vea al experto; su cámara sigue apagada',
  voiceCall: 'Solo voz',
  voiceCallHint: 'Hablar sin vídeo',
  requesting: 'Buscando un experto…',
  queued: (n) => (n <= 1 ? 'Es usted el siguiente.' : `Es usted el número ${n} de la cola.`),
  queuedHint: 'Quédese en esta página: le pasamos con un experto en cuanto haya uno libre.',
  eta: (s) =>
    s === undefined
      ? 'Ahora mismo no hay ningún experto libre para esto; conserva su turno.'
      : s < 60
        ? 'Espera estimada: menos de un minuto.'
        : `Espera estimada: unos ${minutes('es', Math.round(s / 60))}.`,
  waitInChat: 'Mejor escribir',
  waitInChatHint: 'Por escrito, un experto suele responder antes. Conserva su turno.',
  waitingInChat: 'Hablará por escrito: el experto le responde aquí.',
  connecting: 'Le pasamos con un experto…',
  leaveQueue: 'Salir de la cola',
  cancel: 'Cancelar',
  inCallWith: (name) => `Está hablando con ${name}`,
  expertCameraOff: 'La cámara del experto está apagada',
  you: 'Usted',
  microphoneOn: 'Silenciar',
  microphoneOff: 'Activar micro',
  cameraOn: 'Parar vídeo',
  cameraOff: 'Iniciar vídeo',
  screen: {
    share: 'Compartir pantalla',
    stop: 'Dejar de compartir',
    sharing: 'Está compartiendo su pantalla',
    failed: 'No se ha podido compartir su pantalla. Inténtelo de nuevo o elija otra ventana.',
  },
  blur: {
    button: 'Desenfocar fondo',
    starting: 'Preparando el desenfoque…',
    failed: 'El desenfoque del fondo no funciona en este dispositivo. Su cámara sigue igual.',
  },
  handoff: {
    button: 'En mi móvil',
    title: 'Continuar en su móvil',
    how: 'Escanee este código con la cámara de su móvil o abra este enlace en él. Sirve una vez, en 5 minutos, y la conversación continúa allí.',
    asking: 'Creando el código…',
    failed: 'No se ha podido crear un código. Compruebe su conexión e inténtelo de nuevo.',
    expired: 'Este código ha caducado.',
    again: 'Nuevo código',
    close: 'Cerrar',
    qr: 'Código QR para continuar en su móvil',
  },
  switchCamera: 'Cambiar de cámara',
  expertMarked: (name) => `${name} ha marcado un punto en su imagen`,
  hangUp: 'Colgar',
  endTitle: {
    call: 'Llamada terminada',
    chat: 'Conversación terminada',
    queue: 'Ya no está en espera',
    attempt: 'No hemos podido pasarle',
  },
  endReason: (reason, what) => {
    const call = what === 'call';
    switch (reason) {
      case 'shopper-hung-up':
        return call
          ? 'Ha colgado. Gracias por su llamada.'
          : 'Ha terminado la conversación. Gracias por escribirnos.';
      case 'expert-hung-up':
        return call
          ? 'El experto ha terminado la llamada. Gracias por su llamada.'
          : 'El experto ha terminado la conversación. Gracias por escribirnos.';
      case 'shopper-left':
        return call ? 'Ha salido de la llamada.' : 'Ha salido de la conversación.';
      case 'expert-left':
        return call
          ? 'El experto se ha desconectado. Vuelva a llamar, por favor.'
          : 'El experto se ha desconectado. Vuelva a escribirnos, por favor.';
      case 'shopper-cancelled':
        return 'Ha salido de la cola. Nadie le llamará.';
      case 'hub-unreachable':
        return 'No hemos podido contactar con nuestros expertos. Compruebe su conexión e inténtelo de nuevo.';
      case 'hub-failed':
        return 'Nuestro servicio ha tenido un problema y no ha podido ponerle en contacto. Inténtelo de nuevo en un momento.';
      case 'refused':
        return 'Nuestro servicio ha rechazado la solicitud: la conversación ha terminado o no puede continuar. Puede empezar una nueva.';
      case 'invalid-request':
        return 'Nuestro servicio no ha podido aceptar la solicitud de esta página. Inténtelo más tarde o contacte con la tienda.';
      case 'unauthorized':
        return 'Nuestro servicio ha rechazado esta solicitud. Contacte con la tienda.';
      case 'media-unavailable':
        return 'Las videollamadas no están disponibles ahora. Inténtelo de nuevo en un momento.';
      case 'timeout':
        return 'Nuestros expertos no han respondido a tiempo. Inténtelo de nuevo.';
      case 'moved':
        return 'La conversación continúa en su otro dispositivo.';
      case 'link-expired':
        return 'Este enlace ha caducado o ya se ha usado. Pida uno nuevo en su otro dispositivo o empiece una nueva conversación.';
    }
  },
  again: {
    call: 'Volver a llamar',
    chat: 'Volver a escribir',
    queue: 'Empezar de nuevo',
    attempt: 'Intentar de nuevo',
  },
  transcript: 'Su conversación',
  downloadTranscript: 'Descargar como texto',
  transcriptFile: 'conversacion',
  rating: {
    title: (name) => `¿Qué tal su conversación con ${name}?`,
    stars: (n) => plural('es', n, { one: '# estrella de 5', other: '# estrellas de 5' }),
    low: 'Mala',
    high: 'Excelente',
    comment: '¿Algo que añadir? (opcional)',
    send: 'Enviar mi valoración',
    sending: 'Enviando…',
    thanks: 'Gracias: su valoración se ha transmitido.',
    failed: 'No se pudo enviar su valoración. Puede intentarlo de nuevo.',
  },
  callControls: 'Controles de la llamada',
  chatSheet: 'Mensajes',
  unread: (n) => plural('es', n, { one: '# mensaje sin leer', other: '# mensajes sin leer' }),
  closedNow: 'Nuestros expertos no están disponibles ahora.',
  chatWith: (name) => `Conversación con ${name}`,
  deviceProblemShort: (device) =>
    device === 'camera' ? 'Su cámara no funciona.' : 'Su micrófono no funciona.',
  reconnecting: 'Conexión perdida. Reconectando… su conversación se conserva.',
  chatOnly: {
    chosen: 'Escriba su pregunta abajo: el experto le responde aquí.',
    'media-lost':
      'Se ha perdido la conexión de vídeo y seguimos por escrito: su experto sigue aquí y ve todo lo que se escribe abajo.',
    'media-unavailable':
      'El vídeo no está disponible ahora, así que su experto le responde aquí por escrito.',
  },
  chatCall: 'Escribir',
  chatCallHint: 'Hablar por escrito con el experto',
  noWebrtc:
    'Este navegador no puede hacer videollamadas, pero un experto puede responderle por escrito.',
  framedNoCalls:
    'Las llamadas no pueden empezar desde esta página, pero un experto puede responderle por escrito, y podrá continuar con vídeo en su teléfono.',
  endConversation: 'Terminar la conversación',
  switchToChat: 'Pasar al chat',
  backToCall: 'Volver al vídeo',
  weakConnection: {
    voice: 'Su conexión es débil. Solo voz funcionaría mejor: ¿pasar a solo voz?',
    chat: 'Su conexión sigue débil. ¿Seguir por escrito? El experto sigue con usted.',
    takeVoice: 'Solo voz',
    takeChat: 'Pasar al chat',
    dismiss: 'Ahora no',
  },
  chat: {
    log: 'Mensajes',
    you: 'Usted',
    placeholder: 'Escribir un mensaje',
    send: 'Enviar',
    sending: 'enviando…',
    sent: 'enviado',
    failed: 'no enviado',
    retry: 'Reintentar',
    typing: (name) => `${name} está escribiendo…`,
    tooLong: (over) =>
      `Su mensaje tiene ${plural('es', over, { one: '# carácter', other: '# caracteres' })} de más. Acórtelo para enviarlo.`,
    system: systemLine.es,
    closed: 'La conversación ha terminado.',
    photo: 'Foto',
    product: {
      open: 'Ver el producto',
      addToCart: 'Añadir a la cesta',
      reserve: 'Reservar en tienda',
      added: 'Añadido a su cesta',
      reserved: 'Reserva solicitada',
      inStock: (store) => `Disponible en ${store}`,
      outOfStock: (store) => `Agotado en ${store}`,
    },
  },
  photos: {
    add: 'Enviar una foto',
    sending: 'Enviando su foto…',
    refused: {
      'not-a-photo': 'Este archivo no es una foto. Elija una imagen.',
      'too-large': 'Esta foto es demasiado grande para enviarla. Elija una más pequeña.',
      'too-many': 'Esta conversación ya tiene todas las fotos que admite.',
      'not-open': 'Podrá enviar fotos en cuanto el experto se una.',
      failed: 'No se ha podido enviar su foto. Compruebe su conexión e inténtelo de nuevo.',
    },
  },
  deviceStarting: (device) =>
    device === 'camera'
      ? 'Iniciando su cámara… Si el navegador lo pide, elija «Permitir» para que el experto le vea.'
      : 'Iniciando su micrófono… Si el navegador lo pide, elija «Permitir» para que el experto le oiga.',
  device: { camera: 'cámara', microphone: 'micrófono' },
  deviceProblem: (device, problem, browser = 'chromium') => {
    const name = device === 'camera' ? 'Su cámara' : 'Su micrófono';
    switch (problem) {
      case 'permission-denied': {
        const it = device === 'camera' ? 'la cámara' : 'el micrófono';
        const how = {
          chromium: `pulse el icono a la izquierda de la barra de direcciones y permita ${it}`,
          firefox: `pulse el icono tachado de la barra de direcciones y permita ${it}`,
          safari: `abra Safari › Ajustes de este sitio web y permita ${it}`,
          ios: `toque «aA» en la barra de direcciones, luego Ajustes del sitio web, y permita ${it}`,
        }[browser];
        return `${name} está bloquead${device === 'camera' ? 'a' : 'o'}. Para usarl${device === 'camera' ? 'a' : 'o'}, ${how}, y vuelva a intentarlo. Sigue viendo y oyendo al experto.`;
      }
      case 'blocked-by-site':
        return `Esta página no permite a la ayuda por vídeo usar ${device === 'camera' ? 'su cámara' : 'su micrófono'}: los ajustes del navegador no lo cambiarán. Sigue viendo y oyendo al experto, y puede escribirle.`;
      case 'no-device':
        return `No se ha encontrado ${device === 'camera' ? 'ninguna cámara' : 'ningún micrófono'} en este dispositivo. Sigue viendo y oyendo al experto.`;
      case 'device-busy':
        return `${name} lo está usando otra aplicación. Ciérrela y vuelva a intentarlo.`;
      case 'unsupported':
        return `Este navegador no puede usar ${device === 'camera' ? 'su cámara' : 'su micrófono'}. Sigue viendo y oyendo al experto.`;
      case 'failed':
        return `${name} no ha podido iniciarse. Sigue viendo y oyendo al experto.`;
    }
  },
};

export const text: PanelText = es;
