"""Image encoders behind one interface (see `base.Encoder`) built from spec strings
(see `registry.create_encoder`): timm backbones, open_clip models (names, ``hf-hub:`` ids,
local checkpoints). ``create_encoder("default-offline")`` works with no network."""

from .base import Encoder, EncoderError, ImageInput, load_image
from .registry import available_encoders, create_encoder, register, register_config, resolve_spec

__all__ = ["Encoder", "EncoderError", "ImageInput", "load_image", "available_encoders", "create_encoder",
           "register", "register_config", "resolve_spec"]
