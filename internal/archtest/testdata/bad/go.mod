module bad
