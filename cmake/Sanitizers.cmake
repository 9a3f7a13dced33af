# SKILLMATCH_SANITIZE applies to everything built in this tree (library, tests, tools), so that the
# instrumented library and its callers agree.
if(SKILLMATCH_SANITIZE)
  add_compile_options(-fsanitize=${SKILLMATCH_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${SKILLMATCH_SANITIZE})
endif()
