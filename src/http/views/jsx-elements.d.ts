import 'preact';

// The ALTCHA web component used on the order form.
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'altcha-widget': HTMLAttributes<HTMLElement> & {
        challenge?: string;
        name?: string;
        language?: string;
        type?: string;
        auto?: string;
        configuration?: string;
      };
    }
  }
}
