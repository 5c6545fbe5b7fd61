;;; tl-lsp.el --- Use tl-lsp for TileLang kernels through eglot  -*- lexical-binding: t; -*-
;; Add to your init file (Emacs 29+ ships eglot). Runs alongside your Python setup only if you
;; choose tl-lsp for python-mode; eglot uses one server per major mode.

(require 'eglot)

(add-to-list 'eglot-server-programs
             '((python-mode python-ts-mode) . ("tl-lsp" :initializationOptions (:targets ["sm_90"]))))

;; Settings sent through workspace/configuration.
(setq-default eglot-workspace-configuration
              '(:tl-lsp (:targets ["sm_90"] :inlayHints t)))

(add-hook 'python-mode-hook #'eglot-ensure)
(add-hook 'python-ts-mode-hook #'eglot-ensure)

(provide 'tl-lsp)
;;; tl-lsp.el ends here
