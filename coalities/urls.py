app_name = "coalities"
urlpatterns: list = []
