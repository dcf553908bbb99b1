/* The default NER model, embedded verbatim (see ner.c). */
	.section .rodata
	.global isnad__ner_blob
	.global isnad__ner_blob_end
	.balign 16
isnad__ner_blob:
	.incbin ISNAD_NER_MODEL_PATH
isnad__ner_blob_end:
	.byte 0
	.section .note.GNU-stack,"",@progbits
