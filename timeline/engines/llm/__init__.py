"""The LLM wing: one provider-neutral engine (``engine.LLMEngine``) over thin transports.

``requests`` (what the model is asked and must answer), ``prompts`` (the templates),
``packing`` (short chunks share a request), ``cache`` (nothing is paid for twice),
``pricing`` (dollars), ``plan`` (the dry-run report); ``transports/`` holds one module per
protocol behind ``complete(request) -> Completion(text, stop, usage)``.
"""
